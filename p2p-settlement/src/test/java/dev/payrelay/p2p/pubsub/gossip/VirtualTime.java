package dev.payrelay.p2p.pubsub.gossip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event loop on a virtual clock: one serial "thread" that runs every router of a test
 * network, so runs are deterministic and never sleep. Events at the same instant run in the order
 * they were scheduled.
 */
final class VirtualTime {
  private record Event(long atMillis, long sequence, Runnable task) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.atMillis != b.atMillis
                  ? Long.compare(a.atMillis, b.atMillis)
                  : Long.compare(a.sequence, b.sequence));
  private long nowMillis = 1_700_000_000_000L;
  private long sequence;

  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(nowMillis);
        }

        @Override
        public long millis() {
          return nowMillis;
        }
      };

  /** The serial executor the routers run on: tasks run at the current virtual instant. */
  final Executor executor = task -> schedule(0, task);

  long nowMillis() {
    return nowMillis;
  }

  void schedule(long delayMillis, Runnable task) {
    queue.add(new Event(nowMillis + delayMillis, sequence++, task));
  }

  /** Runs {@code task} every {@code periodMillis}, first after {@code initialDelayMillis}. */
  void every(long initialDelayMillis, long periodMillis, Runnable task) {
    schedule(
        initialDelayMillis,
        new Runnable() {
          @Override
          public void run() {
            task.run();
            schedule(periodMillis, this);
          }
        });
  }

  /** Runs every event due within {@code duration}, then sets the clock to its end. */
  void runFor(Duration duration) {
    long end = nowMillis + duration.toMillis();
    while (!queue.isEmpty() && queue.peek().atMillis <= end) {
      Event event = queue.poll();
      nowMillis = event.atMillis;
      event.task.run();
    }
    nowMillis = end;
  }

  /** Runs whatever is due now (e.g. validator completions), without moving the clock. */
  void runPending() {
    runFor(Duration.ZERO);
  }

  /** Runs events until {@code done} holds; fails after {@code limit} of virtual time. */
  void runUntil(BooleanSupplier done, Duration limit) {
    long end = nowMillis + limit.toMillis();
    while (!done.getAsBoolean()) {
      if (queue.isEmpty() || queue.peek().atMillis > end) {
        throw new AssertionError("condition not met within " + limit + " of virtual time");
      }
      Event event = queue.poll();
      nowMillis = event.atMillis;
      event.task.run();
    }
  }
}
