package dev.payrelay.wallet.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.ChainId;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RpcRetryTest {

  private static final RpcSettings SETTINGS =
      new RpcSettings(
          URI.create("https://user:pw@rpc.example.com/v2/KEY"),
          ChainId.MAINNET,
          Duration.ofSeconds(10),
          5,
          Duration.ofMillis(200),
          Duration.ofSeconds(10),
          0.5);

  @ParameterizedTest
  @CsvSource({"1, 200", "2, 400", "3, 800", "6, 6400", "7, 10000", "60, 10000", "200, 10000"})
  void backoffDoublesFromTheInitialPauseUpToTheCap(long attemptsMade, long millis) {
    RpcRetry retry = new RpcRetry(SETTINGS, () -> 0.5, VirtualTimeScheduler.create());

    assertThat(retry.delay(attemptsMade, Optional.empty())).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void jitterMovesThePauseByAtMostItsFraction() {
    assertThat(new RpcRetry(SETTINGS, () -> 0.0, null).delay(3, Optional.empty()))
        .isEqualTo(Duration.ofMillis(400));
    assertThat(new RpcRetry(SETTINGS, () -> 0.999_999, null).delay(3, Optional.empty()))
        .isBetween(Duration.ofMillis(1_199), Duration.ofMillis(1_200));
    // Never above the cap, even jittered up.
    assertThat(new RpcRetry(SETTINGS, () -> 0.999_999, null).delay(9, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aRetryAfterLongerThanTheBackoffWinsAndAShorterOneDoesNot() {
    RpcRetry retry = new RpcRetry(SETTINGS, () -> 0.5, null);

    assertThat(retry.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
    assertThat(retry.delay(4, Optional.of(Duration.ofMillis(10))))
        .isEqualTo(Duration.ofMillis(1_600));
  }

  @Test
  void transientFailuresAreRetriedOnVirtualTimeUntilTheyStop() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    RpcRetry retry = new RpcRetry(SETTINGS, () -> 0.5, time);
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> flaky =
        Mono.defer(
            () ->
                attempts.incrementAndGet() <= 3
                    ? Mono.<String>error(new IOException("connection reset"))
                    : Mono.just("ok"));

    StepVerifier.withVirtualTime(() -> flaky.retryWhen(retry.forMethod("eth_call")), () -> time, 1)
        .expectSubscription()
        .thenAwait(Duration.ofMillis(199))
        .then(() -> assertThat(attempts).hasValue(1))
        .thenAwait(Duration.ofMillis(1))
        .then(() -> assertThat(attempts).hasValue(2))
        .thenAwait(Duration.ofMillis(400 + 800))
        .expectNext("ok")
        .verifyComplete();
    assertThat(attempts).hasValue(4);
  }

  @Test
  void theBudgetEndsInRpcUnavailableNamingTheEndpointOnly() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    RpcRetry retry = new RpcRetry(SETTINGS, () -> 0.5, time);
    AtomicInteger attempts = new AtomicInteger();
    Mono<String> down =
        Mono.defer(
            () -> {
              attempts.incrementAndGet();
              return Mono.error(new TimeoutException());
            });

    StepVerifier.withVirtualTime(
            () -> down.retryWhen(retry.forMethod("eth_getLogs")), () -> time, 1)
        .thenAwait(Duration.ofMinutes(1))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcUnavailableException.class)
                    .hasMessage(
                        "the JSON-RPC endpoint https://rpc.example.com:443 did not answer"
                            + " eth_getLogs after 5 attempts; last: no answer within 10000 ms"))
        .verify();
    assertThat(attempts).hasValue(5);
  }

  @Test
  void sortsFailuresIntoTransientAndFinal() {
    assertThat(RpcFailures.isTransient(new IOException("reset"))).isTrue();
    assertThat(RpcFailures.isTransient(new TimeoutException())).isTrue();
    assertThat(RpcFailures.isTransient(status(429))).isTrue();
    assertThat(RpcFailures.isTransient(status(408))).isTrue();
    assertThat(RpcFailures.isTransient(status(502))).isTrue();
    assertThat(RpcFailures.isTransient(status(401))).isFalse();
    assertThat(RpcFailures.isTransient(status(404))).isFalse();
    assertThat(RpcFailures.isTransient(new JsonRpcErrorException("m", -32602, "bad"))).isFalse();
    assertThat(RpcFailures.isTransient(new JsonRpcErrorException("m", -32005, "slow"))).isTrue();
    assertThat(
            RpcFailures.isTransient(
                new org.web3j.protocol.exceptions.ClientConnectionException(
                    "Invalid response received: 503; down")))
        .isTrue();
    assertThat(
            RpcFailures.isTransient(
                new com.fasterxml.jackson.core.JsonParseException(null, "not json")))
        .isFalse();
    assertThat(RpcFailures.isTransient(new IllegalStateException())).isFalse();
  }

  private static HttpStatusException status(int code) {
    return new HttpStatusException(code, Optional.empty(), "HTTP " + code);
  }
}
