package dev.payrelay.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code concurrency} client threads, each sending its next operation as soon
 * as its previous one answered, until {@code total} operations are done; so exactly {@code
 * concurrency} are in flight until the last ones. Every operation's latency is recorded. The
 * threads are named {@value #THREAD_PREFIX}{@code N} (see {@link CpuMeter}). Closing it stops them.
 */
final class ClosedLoop implements AutoCloseable {

  static final String THREAD_PREFIX = "bench-client-";

  /** One operation: client {@code client} (0 to concurrency - 1) does operation {@code i}. */
  @FunctionalInterface
  interface Op {
    void run(int client, int i) throws Exception;
  }

  /** What one run did: its operations, its wall time, and each operation's latency. */
  record Run(int ops, long nanos, long[] latencyNanos) {

    double perSecond() {
      return ops / (nanos / 1e9);
    }

    /** The {@code q}-quantile (0.5, 0.99) of the latencies in milliseconds, nearest rank. */
    double latencyMillis(double q) {
      long[] sorted = latencyNanos.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(q * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }

  private final ExecutorService threads;

  ClosedLoop(int maxConcurrency) {
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            maxConcurrency,
            r -> {
              Thread t = new Thread(r, THREAD_PREFIX + n.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code total} operations {@code op}, {@code concurrency} in flight; fails if one does. */
  Run run(int concurrency, int total, Op op) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[total];
    long start = System.nanoTime();
    List<Future<Void>> clients = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      int client = c;
      clients.add(
          threads.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  long t0 = System.nanoTime();
                  op.run(client, i);
                  latencies[i] = System.nanoTime() - t0;
                }
                return null;
              }));
    }
    try {
      for (Future<Void> f : clients) {
        f.get();
      }
    } catch (ExecutionException e) {
      next.set(total); // the other clients stop after their current operation
      throw new IllegalStateException("an operation failed: " + e.getCause(), e.getCause());
    }
    return new Run(total, System.nanoTime() - start, latencies);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
