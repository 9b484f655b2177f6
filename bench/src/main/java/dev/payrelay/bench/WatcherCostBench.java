package dev.payrelay.bench;

import dev.payrelay.wallet.contract.TransferWithReferenceEvents;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcStats;
import dev.payrelay.wallet.rpc.TestTokens;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.ReplayRpc;
import dev.payrelay.wallet.watch.ChainWatcher;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.ExpectationIndex;
import dev.payrelay.wallet.watch.WatchConfig;
import dev.payrelay.wallet.watch.WatchCursor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What one block costs the {@link ChainWatcher} with 10,000 and with 100,000 open invoices: the RPC
 * calls and the time against anvil, and the in-memory time (the same blocks replayed by {@link
 * ReplayRpc}: decoding, matching, state). The 10,000 figures are the baseline; the ratios should be
 * about 1, since matching is a hash lookup per payment.
 *
 * <p>The watcher resumes from a stored cursor just before the range, in ranges of one block, as
 * when it follows the head; one tick scans the whole range, so the tick's own two calls (head and
 * finalized block) are spread over the range's blocks.
 */
final class WatcherCostBench {

  /** The figures of one number of open invoices. */
  record Size(
      int openInvoices,
      Summary millisPerBlock,
      Summary microsPerBlockInMemory,
      Map<String, Double> callsPerBlock,
      double totalCallsPerBlock) {}

  /** The figures of one run; {@code sizes.get(0)} is the baseline of the ratios. */
  record Result(
      int blocks,
      int payments,
      int noise,
      int runs,
      int replays,
      List<Size> sizes,
      Summary millisRatio,
      Summary microsInMemoryRatio,
      double callsRatio) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** A watcher that has not finished a range of a few dozen blocks by then is stuck. */
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

  /** Longer than any run, so that each run is exactly one tick. */
  private static final Duration POLL_INTERVAL = Duration.ofMinutes(1);

  private final BenchChain chain;
  private final BenchSettings settings;

  WatcherCostBench(BenchChain chain, BenchSettings settings) {
    this.chain = chain;
    this.settings = settings;
  }

  Result run() throws InterruptedException {
    Random random = new Random(20_261_122L);
    int blocks = settings.watchBlocks();
    WatchWorkload work =
        WatchWorkload.mine(chain, blocks, settings.watchPayments(), settings.watchNoise(), random);
    List<ExpectationIndex> indexes = new ArrayList<>();
    for (int open : BenchSettings.OPEN_INVOICES) {
      indexes.add(OpenInvoices.index(chain.id, chain.token, work.paid(), open, random));
    }
    long before = work.firstBlock() - 1;
    Watch watch =
        new Watch(
            WatchConfig.of(chain.config(12))
                .withStartBlock(work.firstBlock())
                .withMaxBlocksPerRange(1)
                .withPollInterval(POLL_INTERVAL),
            WatchCursor.at(new Checkpoint(before, chain.blockHash(before))),
            work.lastBlock(),
            work.paid().size());
    List<String> topics = new ArrayList<>(TransferWithReferenceEvents.TOPICS);
    topics.add(TestTokens.TRANSFER_TOPIC);
    List<Tally> tallies;
    try (Web3jEthRpc live = chain.walletRpc()) {
      ReplayRpc replay =
          ReplayRpc.record(
              live, before, work.lastBlock(), List.of(chain.proxy, chain.token.contract()), topics);
      tallies = measure(watch, live, replay, indexes);
    }
    List<Size> sizes = new ArrayList<>();
    for (int s = 0; s < tallies.size(); s++) {
      sizes.add(tallies.get(s).size(BenchSettings.OPEN_INVOICES[s]));
    }
    Tally base = tallies.get(0);
    Tally big = tallies.get(tallies.size() - 1);
    return new Result(
        blocks,
        settings.watchPayments(),
        settings.watchNoise(),
        settings.watchRuns(),
        settings.replaysPerRound(),
        sizes,
        Summary.ofRatios(big.millis, base.millis),
        Summary.ofRatios(big.micros, base.micros),
        sizes.get(sizes.size() - 1).totalCallsPerBlock() / sizes.get(0).totalCallsPerBlock());
  }

  /** A warm-up round, then the timed rounds, alternating the indexes' order against drift. */
  private List<Tally> measure(
      Watch watch, EthRpc live, EthRpc replay, List<ExpectationIndex> indexes)
      throws InterruptedException {
    int runs = settings.watchRuns();
    int replays = settings.replaysPerRound();
    for (ExpectationIndex index : indexes) {
      for (int r = 0; r < runs; r++) {
        watch.once(live, index);
      }
      for (int r = 0; r < 2 * replays; r++) {
        watch.once(replay, index);
      }
    }
    List<Tally> tallies = new ArrayList<>();
    indexes.forEach(i -> tallies.add(new Tally(settings.watchBlocks())));
    for (int round = 0; round < settings.rounds(); round++) {
      for (int i = 0; i < indexes.size(); i++) {
        int s = (i + round) % indexes.size();
        Tally tally = tallies.get(s);
        long nanos = 0;
        for (int r = 0; r < runs; r++) {
          Watch.Run real = watch.once(live, indexes.get(s));
          nanos += real.nanos();
          tally.add(real.calls());
        }
        tally.millis.add(nanos / 1e6 / runs / tally.blocks);
        long cpuNanos = 0;
        for (int r = 0; r < replays; r++) {
          cpuNanos += watch.once(replay, indexes.get(s)).inlineCpuNanos();
        }
        tally.micros.add(cpuNanos / 1e3 / replays / tally.blocks);
      }
    }
    return tallies;
  }

  /** What the rounds measured with one index: per round, ms and µs per block; all the calls. */
  private static final class Tally {
    final int blocks;
    final List<Double> millis = new ArrayList<>();
    final List<Double> micros = new ArrayList<>();
    final Map<String, Long> calls = new TreeMap<>();
    long scannedBlocks;

    Tally(int blocks) {
      this.blocks = blocks;
    }

    void add(Map<String, Long> runCalls) {
      runCalls.forEach((method, n) -> calls.merge(method, n, Long::sum));
      scannedBlocks += blocks;
    }

    Size size(int openInvoices) {
      Map<String, Double> perBlock = new TreeMap<>();
      calls.forEach((method, n) -> perBlock.put(method, (double) n / scannedBlocks));
      return new Size(
          openInvoices,
          Summary.of(millis),
          Summary.of(micros),
          perBlock,
          perBlock.values().stream().mapToDouble(Double::doubleValue).sum());
    }
  }

  /** One watcher run over the range: a fresh watcher from the cursor before it. */
  private record Watch(WatchConfig config, WatchCursor start, long lastBlock, int payments) {

    /**
     * @param nanos wall time until the checkpoint reached the end of the range
     * @param cpuNanos CPU time of the calling thread in {@link ChainWatcher#start()}
     * @param inline whether the whole range was scanned within {@code start()}, on this thread
     */
    record Run(long nanos, long cpuNanos, boolean inline, Map<String, Long> calls) {

      /** The CPU time of a run that never left the calling thread (a replay): all it cost. */
      long inlineCpuNanos() {
        if (!inline) {
          throw new IllegalStateException(
              "the watcher left the calling thread, so its CPU time is not all it cost");
        }
        return cpuNanos;
      }
    }

    Run once(EthRpc rpc, ExpectationIndex index) throws InterruptedException {
      RpcStats before = rpc.stats();
      CountingSink sink = new CountingSink(start, lastBlock);
      ChainWatcher watcher = new ChainWatcher(rpc, index, sink, config);
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long t1;
      watcher.start();
      long cpu1 = THREADS.getCurrentThreadCpuTime();
      boolean inline = sink.reached();
      try {
        t1 = sink.awaitTarget(RUN_TIMEOUT);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            e.getMessage()
                + " ("
                + watcher.consecutiveFailures()
                + " failed attempts"
                + watcher.failure().map(f -> ", " + f).orElse("")
                + ")",
            e);
      } finally {
        watcher.stop();
      }
      if (sink.seen() != payments) {
        throw new IllegalStateException(
            "the watcher saw " + sink.seen() + " payments, not " + payments);
      }
      return new Run(t1 - t0, cpu1 - cpu0, inline, delta(before, rpc.stats()));
    }

    private static Map<String, Long> delta(RpcStats before, RpcStats after) {
      Map<String, Long> out = new TreeMap<>();
      after
          .callsByMethod()
          .forEach(
              (method, n) -> {
                long d = n - before.calls(method);
                if (d > 0) {
                  out.put(method, d);
                }
              });
      return out;
    }
  }
}
