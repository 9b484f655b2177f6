package dev.payrelay.wallet.rpc;

import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.HANG;
import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.LIMIT_EXCEEDED;
import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.SERVICE_UNAVAILABLE;
import static dev.payrelay.wallet.rpc.FaultyEndpoint.Fault.TOO_MANY_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.TxHash;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Web3jEthRpc retrying an endpoint that fails on purpose in front of a real anvil. */
class Web3jEthRpcFaultTest extends FaultyEndpointTestBase {

  @Test
  void answersAfterA429AndWaitsTheRetryAfterItAskedFor() {
    endpoint.failNext(1, TOO_MANY_REQUESTS).retryAfter("1");
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.latestBlockNumber())
        .expectNextMatches(n -> n >= 0)
        .expectComplete()
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(2);
    assertThat(rpc.stats().httpRequests()).isEqualTo(2);
    assertThat(rpc.stats().calls("eth_blockNumber")).isEqualTo(1);
    // The backoff alone would be 100 ms; Retry-After: 1 asks for a second.
    assertThat(endpoint.gapMillis(0)).isBetween(950L, 5_000L);
  }

  @Test
  void retriesA503WithExponentialBackoffAndThenAnswers() {
    endpoint.failNext(3, SERVICE_UNAVAILABLE);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.remoteChainId()).expectNext(1337L).expectComplete().verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(4);
    assertThat(rpc.stats().httpRequests()).isEqualTo(4);
    // Jitter is off here: pauses of 100, 200 and 400 ms (the cap).
    assertThat(endpoint.gapMillis(0)).isBetween(90L, 2_000L);
    assertThat(endpoint.gapMillis(1)).isBetween(190L, 2_000L);
    assertThat(endpoint.gapMillis(2)).isBetween(390L, 2_000L);
    assertThat(rpc.stats().consecutiveFailures()).isZero();
    assertThat(rpc.stats().lastSuccess()).isPresent();
    assertThat(rpc.stats().lastError()).isEmpty();
  }

  @Test
  void givesUpOnAnEndpointThatDoesNotAnswerInTimeAndRetries() {
    endpoint.failNext(2, HANG);
    Web3jEthRpc rpc = rpc(endpoint.url());
    long start = System.nanoTime();

    StepVerifier.create(rpc.latestBlockNumber())
        .expectNextMatches(n -> n >= 0)
        .expectComplete()
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(3);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(PER_CALL.multipliedBy(2));
  }

  @Test
  void aPermanentlyFailingEndpointEndsInRpcUnavailableAfterMaxAttemptsWithoutItsSecrets() {
    endpoint.failAlways(SERVICE_UNAVAILABLE);
    Web3jEthRpc rpc = rpc(endpoint.urlWithSecrets());

    StepVerifier.create(rpc.receipt(TxHash.of(new byte[32])))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("http://127.0.0.1:" + endpoint.url().getPort())
                    .hasMessageContaining("eth_getTransactionReceipt after 4 attempts")
                    .hasMessageContaining("HTTP 503")
                    .hasMessageNotContaining("SECRET-KEY")
                    .hasMessageNotContaining("s3cret-pass"))
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(ATTEMPTS);
    RpcStats stats = rpc.stats();
    assertThat(stats.httpRequests()).isEqualTo(ATTEMPTS);
    assertThat(stats.consecutiveFailures()).isEqualTo(ATTEMPTS);
    assertThat(stats.lastSuccess()).isEmpty();
    assertThat(stats.lastError()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 503"));
  }

  @Test
  void theJsonRpcLimitExceededErrorIsARateLimitAndIsRetried() {
    endpoint.failNext(1, LIMIT_EXCEEDED);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.remoteChainId()).expectNext(1337L).expectComplete().verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(2);
  }

  @Test
  void aRateLimitOnTheFinalizedTagIsRetriedNotTakenForAMissingTag() {
    endpoint.failNext(1, LIMIT_EXCEEDED);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.taggedBlockNumber(EthRpc.BlockTag.FINALIZED))
        .assertNext(finalized -> assertThat(finalized).isPresent())
        .expectComplete()
        .verify(BOUND);

    assertThat(endpoint.requests()).isEqualTo(2);
  }

  @Test
  void aBatchIsRetriedWholeAndCountedOncePerCallInside() {
    endpoint.failNext(1, SERVICE_UNAVAILABLE);
    Web3jEthRpc rpc = rpc(endpoint.url());

    StepVerifier.create(rpc.proofFacts(TxHash.of(new byte[32])))
        .assertNext(facts -> assertThat(facts.receipt()).isEmpty())
        .expectComplete()
        .verify(BOUND);

    RpcStats stats = rpc.stats();
    assertThat(stats.httpRequests()).isEqualTo(2);
    assertThat(stats.calls("batch")).isEqualTo(1);
    assertThat(stats.calls("eth_getTransactionReceipt")).isEqualTo(1);
    assertThat(stats.calls("eth_getTransactionByHash")).isEqualTo(1);
    assertThat(stats.calls("eth_blockNumber")).isEqualTo(1);
    assertThat(stats.calls("eth_getBlockByNumber")).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsRetriedUpToMaxAttempts() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Web3jEthRpc rpc = rpc(URI.create("http://127.0.0.1:" + closedPort));

    StepVerifier.create(rpc.latestBlockNumber())
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(RpcUnavailableException.class)
                    .hasMessageContaining("after 4 attempts"))
        .verify(BOUND);

    assertThat(rpc.stats().httpRequests()).isEqualTo(ATTEMPTS);
    assertThat(rpc.stats().consecutiveFailures()).isEqualTo(ATTEMPTS);
  }
}
