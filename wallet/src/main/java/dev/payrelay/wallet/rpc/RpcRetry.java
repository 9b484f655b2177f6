package dev.payrelay.wallet.rpc;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * The retry policy of one endpoint: exponential backoff from {@link RpcSettings#initialBackoff()}
 * doubling up to {@link RpcSettings#maxBackoff()}, moved by ±{@link RpcSettings#jitter()}, and
 * never shorter than a {@code Retry-After} the endpoint sent. Only transient failures are retried
 * ({@link RpcFailures#isTransient}); every pause is a timer on the scheduler, never a busy loop.
 */
final class RpcRetry {

  private final RpcSettings settings;
  private final DoubleSupplier random;
  private final Scheduler scheduler;

  /**
   * @param random uniform in {@code [0, 1)}, for the jitter
   * @param scheduler runs the pauses; a virtual-time scheduler in tests
   */
  RpcRetry(RpcSettings settings, DoubleSupplier random, Scheduler scheduler) {
    this.settings = settings;
    this.random = random;
    this.scheduler = scheduler;
  }

  /** The Reactor {@link Retry} for calls of {@code method}. */
  Retry forMethod(String method) {
    return Retry.from(
        signals ->
            signals.concatMap(signal -> next(method, signal.totalRetries() + 1, signal.failure())));
  }

  private Mono<Long> next(String method, long attemptsMade, Throwable failure) {
    String endpoint = settings.endpoint();
    if (!RpcFailures.isTransient(failure)) {
      return Mono.error(RpcFailures.terminal(method, endpoint, failure));
    }
    if (attemptsMade >= settings.maxAttempts()) {
      return Mono.error(
          RpcFailures.exhausted(
              method, endpoint, attemptsMade, failure, settings.perCallTimeout()));
    }
    Optional<Duration> retryAfter = RpcFailures.retryAfter(failure);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(RpcSettings.MAX_RETRY_AFTER) > 0) {
      return Mono.error(
          new RpcUnavailableException(
              "the JSON-RPC endpoint "
                  + endpoint
                  + " rate-limits "
                  + method
                  + " and asks to wait "
                  + retryAfter.get().toSeconds()
                  + " s, more than the "
                  + RpcSettings.MAX_RETRY_AFTER.toSeconds()
                  + " s a call may wait",
              RpcFailures.unwrap(failure)));
    }
    return Mono.delay(delay(attemptsMade, retryAfter), scheduler);
  }

  /**
   * The pause after {@code attemptsMade} failed attempts: {@code initial × 2^(attemptsMade-1)},
   * capped, jittered, and at least {@code retryAfter}.
   */
  Duration delay(long attemptsMade, Optional<Duration> retryAfter) {
    long initial = settings.initialBackoff().toNanos();
    long max = settings.maxBackoff().toNanos();
    int shift = (int) Math.min(Math.max(attemptsMade - 1, 0), 62);
    long base = initial > (max >> shift) ? max : Math.min(max, initial << shift);
    double factor = 1 + settings.jitter() * (2 * random.getAsDouble() - 1);
    Duration backoff = Duration.ofNanos(Math.min(max, Math.max(0, Math.round(base * factor))));
    return retryAfter.filter(wait -> wait.compareTo(backoff) > 0).orElse(backoff);
  }
}
