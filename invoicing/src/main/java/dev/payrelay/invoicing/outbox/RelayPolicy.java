package dev.payrelay.invoicing.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the {@link OutboxRelay} paces deliveries and retries.
 *
 * <p>Retry {@code n} (counting from 1) waits {@code min(maxRetryDelay, firstRetryDelay × 2^(n-1))},
 * spread by ±{@code jitter} so that events which failed together do not retry together. An event
 * whose next attempt would start later than {@code horizon} after it was written is given up on
 * (marked dead, kept for inspection and manual redelivery). With the defaults: 5 s, 10 s, 20 s, …,
 * then hourly, for 3 days.
 *
 * @param batchSize events claimed per round
 * @param concurrency deliveries in flight at once per relay (each for a different ordering key)
 * @param lease how long a claimed event is reserved for this relay; a delivery still running after
 *     it is cancelled and counted as failed, and another instance may then take the event over
 * @param pollInterval how often the relay looks for due events when nobody {@linkplain
 *     OutboxRelay#wake() wakes} it
 */
public record RelayPolicy(
    int batchSize,
    int concurrency,
    Duration lease,
    Duration firstRetryDelay,
    Duration maxRetryDelay,
    double jitter,
    Duration horizon,
    Duration pollInterval) {

  public static final int MAX_BATCH_SIZE = 1_000;
  public static final int MAX_CONCURRENCY = 256;

  /** Beyond this the jitter could make a retry come before the previous one. */
  public static final double MAX_JITTER = 0.5;

  public static final RelayPolicy DEFAULTS =
      new RelayPolicy(
          100,
          16,
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofHours(1),
          0.2,
          Duration.ofDays(3),
          Duration.ofMillis(500));

  public RelayPolicy {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
    Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH_SIZE);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY);
    }
    if (jitter < 0 || jitter > MAX_JITTER) {
      throw new IllegalArgumentException("jitter must be 0.." + MAX_JITTER);
    }
    requirePositive(lease, "lease");
    requirePositive(firstRetryDelay, "firstRetryDelay");
    requirePositive(horizon, "horizon");
    requirePositive(pollInterval, "pollInterval");
    if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
      throw new IllegalArgumentException("maxRetryDelay must not be shorter than firstRetryDelay");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** The same policy with other retry delays (tests use milliseconds). */
  public RelayPolicy withRetryDelays(Duration first, Duration max) {
    return new RelayPolicy(
        batchSize, concurrency, lease, first, max, jitter, horizon, pollInterval);
  }

  /** The same policy with another horizon. */
  public RelayPolicy withHorizon(Duration newHorizon) {
    return new RelayPolicy(
        batchSize,
        concurrency,
        lease,
        firstRetryDelay,
        maxRetryDelay,
        jitter,
        newHorizon,
        pollInterval);
  }

  /** The same policy polling every {@code interval}. */
  public RelayPolicy withPollInterval(Duration interval) {
    return new RelayPolicy(
        batchSize, concurrency, lease, firstRetryDelay, maxRetryDelay, jitter, horizon, interval);
  }

  /** The wait before retry number {@code retry} (1 for the first retry), jitter included. */
  public Duration retryDelay(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1");
    }
    long first = firstRetryDelay.toMillis();
    long max = maxRetryDelay.toMillis();
    int doublings = Math.min(retry - 1, 62);
    long base = doublings >= Long.numberOfLeadingZeros(first) - 1 ? max : first << doublings;
    base = Math.min(base, max);
    double spread = jitter == 0 ? 1 : 1 + jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
  }

  /** Whether an event written at {@code createdAt} may still be attempted at {@code next}. */
  public boolean withinHorizon(Instant createdAt, Instant next) {
    return !next.isAfter(createdAt.plus(horizon));
  }
}
