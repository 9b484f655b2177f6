package dev.payrelay.p2p.pubsub.gossip.host;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The small bounded pool on which a {@link GossipNode} signs its publishes and verifies inbound
 * messages, so that Ed25519 does not run on the router's single thread. When its queue is full the
 * submitting thread does the work itself (a Netty event loop then reads no more until it is done),
 * which is the back-pressure: nothing is dropped and nothing queues without bound.
 */
final class GossipCryptoPool {
  /** Most threads per node: signature checks are CPU-bound, so more than the cores cannot help. */
  static final int MAX_THREADS = 4;

  /** Tasks (one RPC or one publish each) waiting for a thread before submitters run their own. */
  static final int MAX_QUEUED_TASKS = 1_024;

  /** Idle threads end after this long, so many idle nodes in one JVM hold no threads. */
  static final long KEEP_ALIVE_SECONDS = 30;

  private GossipCryptoPool() {}

  static ExecutorService create(String name) {
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            KEEP_ALIVE_SECONDS,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_TASKS),
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
