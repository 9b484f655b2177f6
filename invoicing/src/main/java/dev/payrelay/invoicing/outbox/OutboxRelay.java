package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers the outbox events of one {@link OutboxChannel}, at least once, in id order per ordering
 * key, with exponential backoff and a retry horizon (see {@link RelayPolicy}). Safe with several
 * relays (in one node or several nodes sharing the database): an event is leased to one relay at a
 * time, and a relay records an outcome only while it still holds the lease. Everything it knows is
 * in the table, so a restart loses nothing: a lease that was held by a crashed relay runs out and
 * the event is delivered again.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** How long a failing round waits before the loop tries again. */
  static final Duration ROUND_FAILURE_PAUSE = Duration.ofSeconds(1);

  private final OutboxRows rows;
  private final OutboxChannel channel;
  private final RelayPolicy policy;
  private final Clock clock;
  private final RandomGenerator random;
  private final UUID relayId = UUID.randomUUID();
  private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private volatile Disposable loop;

  public OutboxRelay(
      ConnectionFactory connections,
      OutboxChannel channel,
      RelayPolicy policy,
      Clock clock,
      RandomGenerator random) {
    this.rows = new OutboxRows(DatabaseClient.create(connections), new ObjectMapper());
    this.channel = Objects.requireNonNull(channel, "channel");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Counts since this relay was made. */
  public record Stats(long delivered, long failedAttempts, long dead) {}

  public Stats stats() {
    return new Stats(delivered.get(), failed.get(), dead.get());
  }

  public String channel() {
    return channel.name();
  }

  /**
   * One round: leases up to a batch of due events (at most one per ordering key) and delivers them.
   * Answers how many events it attempted.
   */
  public Mono<Integer> drainOnce() {
    return Mono.defer(
        () -> {
          Instant now = now();
          return rows.claim(
                  channel.name(), relayId, now, now.plus(policy.lease()), policy.batchSize())
              .flatMap(this::attempt, policy.concurrency())
              .count()
              .map(Long::intValue);
        });
  }

  /** Rounds until nothing is due; answers how many events were attempted in all. */
  public Mono<Integer> drain() {
    return drainOnce().expand(n -> n > 0 ? drainOnce() : Mono.empty()).reduce(0, Integer::sum);
  }

  /** Makes event {@code id} of this channel due now, also when it was given up on. */
  public Mono<Boolean> retryNow(long id) {
    return rows.retryNow(id, channel.name(), now()).doOnNext(ok -> wake());
  }

  /**
   * Starts delivering in the background: every poll interval, and at once after {@link #wake()}.
   */
  public synchronized OutboxRelay start() {
    if (loop != null) {
      throw new IllegalStateException("the " + channel.name() + " relay is already running");
    }
    Scheduler scheduler = Schedulers.parallel();
    loop =
        Flux.merge(
                Flux.interval(Duration.ZERO, policy.pollInterval(), scheduler),
                wakeups.asFlux().map(b -> 0L))
            .onBackpressureDrop()
            .concatMap(tick -> drain().onErrorResume(this::roundFailed), 1)
            .subscribe();
    return this;
  }

  /** Asks a started relay to look for due events now (after a write, for low latency). */
  public void wake() {
    wakeups.tryEmitNext(Boolean.TRUE);
  }

  /**
   * Stops the background loop; deliveries in flight are cancelled and retried after their lease.
   */
  @Override
  public synchronized void close() {
    Disposable running = loop;
    loop = null;
    if (running != null) {
      running.dispose();
    }
  }

  private Mono<Integer> roundFailed(Throwable e) {
    log.warn("The {} outbox relay failed a round; trying again: {}", channel.name(), e.toString());
    return Mono.delay(ROUND_FAILURE_PAUSE).thenReturn(0);
  }

  private Mono<Boolean> attempt(OutboxEvent event) {
    Duration budget = policy.lease().minus(policy.lease().dividedBy(10));
    return Mono.defer(() -> channel.deliver(event))
        .timeout(budget)
        .thenReturn(Optional.<Throwable>empty())
        .onErrorResume(e -> Mono.just(Optional.of(e)))
        .flatMap(
            failure ->
                failure.isEmpty()
                    ? rows.delivered(event.id(), relayId, now())
                        .doOnNext(recorded -> count(recorded, delivered))
                    : recordFailure(event, failure.get()))
        .onErrorResume(
            e -> {
              // The outcome could not be recorded; the lease runs out and the event comes again.
              log.warn(
                  "Could not record the outcome of {} event {}: {}",
                  channel.name(),
                  event.id(),
                  e.toString());
              return Mono.just(false);
            });
  }

  private static void count(boolean recorded, AtomicLong counter) {
    if (recorded) {
      counter.incrementAndGet();
    }
  }

  private Mono<Boolean> recordFailure(OutboxEvent event, Throwable e) {
    Instant now = now();
    String error = describe(e);
    Instant next = null;
    if (!(e instanceof PermanentDeliveryFailure)) {
      Instant candidate = now.plus(policy.retryDelay(event.attempts() + 1, random));
      next = policy.withinHorizon(event.createdAt(), candidate) ? candidate : null;
    }
    failed.incrementAndGet();
    if (next == null) {
      dead.incrementAndGet();
      log.warn(
          "Gave up on {} event {} ({}) after {} attempt(s): {}",
          channel.name(),
          event.id(),
          event.eventType(),
          event.attempts() + 1,
          error);
    } else {
      log.debug(
          "{} event {} failed attempt {}, retrying at {}: {}",
          channel.name(),
          event.id(),
          event.attempts() + 1,
          next,
          error);
    }
    return rows.failed(event.id(), relayId, now, next, error);
  }

  private String describe(Throwable e) {
    if (e instanceof TimeoutException) {
      return "no answer within " + policy.lease().minus(policy.lease().dividedBy(10));
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
