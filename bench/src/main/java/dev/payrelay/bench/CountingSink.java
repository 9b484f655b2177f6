package dev.payrelay.bench;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchCursor;
import dev.payrelay.wallet.watch.WatchSink;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A {@link WatchSink} that stores the cursor in memory, counts the payments seen, and notes when
 * the watcher's checkpoint reaches the end of the benchmark's range.
 */
final class CountingSink implements WatchSink {

  private final long targetBlock;
  private final CountDownLatch reached = new CountDownLatch(1);
  private final AtomicInteger seen = new AtomicInteger();
  private volatile WatchCursor cursor;
  private volatile long reachedAtNanos;

  /** Starts from {@code cursor}, as a node that already watched the block before the range. */
  CountingSink(WatchCursor cursor, long targetBlock) {
    this.cursor = cursor;
    this.targetBlock = targetBlock;
  }

  @Override
  public Mono<Void> accept(WatchBatch batch) {
    return Mono.fromRunnable(
        () -> {
          for (PaymentObservation o : batch.observations()) {
            if (o instanceof PaymentObservation.Seen) {
              seen.incrementAndGet();
            }
          }
          cursor = batch.cursor();
          if (batch.checkpoint().number() >= targetBlock && reached.getCount() > 0) {
            reachedAtNanos = System.nanoTime();
            reached.countDown();
          }
        });
  }

  @Override
  public Mono<Optional<WatchCursor>> loadCursor(ChainId chain) {
    return Mono.fromSupplier(() -> Optional.of(cursor));
  }

  /** When the checkpoint reached the target ({@link System#nanoTime()}); fails on timeout. */
  long awaitTarget(Duration timeout) throws InterruptedException {
    if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "the watcher did not reach block " + targetBlock + " within " + timeout);
    }
    return reachedAtNanos;
  }

  /** Whether the checkpoint has reached the target. */
  boolean reached() {
    return reached.getCount() == 0;
  }

  int seen() {
    return seen.get();
  }
}
