package dev.payrelay.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes idempotency entries older than {@link Idempotency#RETENTION}, every {@link #INTERVAL}.
 * Safe with several nodes on one database: each deletes in batches with {@code FOR UPDATE SKIP
 * LOCKED}, so they share the work instead of waiting for each other. (An expired entry is also
 * replaced when its key is used again, so correctness never waits for this job.)
 */
@Component
class IdempotencyCleanup implements SmartLifecycle {

  static final Duration INTERVAL = Duration.ofMinutes(10);

  /** Rows per DELETE, so that no statement holds many locks for long. */
  static final int BATCH_ROWS = 1_000;

  private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

  private final IdempotencyRecords records;
  private final Clock clock;
  private final Scheduler scheduler;
  private volatile Disposable running;

  IdempotencyCleanup(IdempotencyRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
    this.scheduler = Schedulers.parallel();
  }

  /** Deletes every expired entry, batch by batch; returns how many. */
  Mono<Long> purgeExpired() {
    return Mono.defer(() -> purgeBefore(clock.instant().minus(Idempotency.RETENTION)));
  }

  private Mono<Long> purgeBefore(Instant cutoff) {
    return records
        .purge(cutoff, BATCH_ROWS)
        .flatMap(n -> n < BATCH_ROWS ? Mono.just(n) : purgeBefore(cutoff).map(more -> n + more));
  }

  @Override
  public void start() {
    running =
        Flux.interval(Duration.ofMinutes(1), INTERVAL, scheduler)
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    purgeExpired()
                        .doOnNext(n -> log.debug("Deleted {} expired idempotency keys", n))
                        .onErrorResume(
                            e -> {
                              log.warn(
                                  "Could not delete expired idempotency keys: {}", e.toString());
                              return Mono.empty();
                            }))
            .subscribe();
  }

  @Override
  public void stop() {
    Disposable r = running;
    if (r != null) {
      r.dispose();
    }
    running = null;
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }
}
