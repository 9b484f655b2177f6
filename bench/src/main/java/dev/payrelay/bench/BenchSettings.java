package dev.payrelay.bench;

import java.time.Duration;

/**
 * The sizes of a run, from system properties ({@code -Dbench.rounds=7}); the defaults are what
 * bench/README.md reports.
 *
 * @param rounds timed rounds per measurement, after one warm-up round
 * @param concurrency requests in flight, for the proofs and for their baselines alike
 * @param etherProofs ETH payments through the proxy to verify
 * @param tokenProofs ERC-20 payments through the proxy to verify
 * @param measureTime how long each rate is measured in a round (the payments are cycled)
 * @param watchBlocks blocks the watcher scans
 * @param watchPayments payments to open invoices per block
 * @param watchNoise payments to no open invoice per block
 * @param watchRuns watcher runs over all {@code watchBlocks} against anvil per timed round
 * @param replaysPerRound in-memory replays of all {@code watchBlocks} per timed round
 */
record BenchSettings(
    int rounds,
    int concurrency,
    int etherProofs,
    int tokenProofs,
    Duration measureTime,
    int watchBlocks,
    int watchPayments,
    int watchNoise,
    int watchRuns,
    int replaysPerRound) {

  /** The open invoices the watcher is measured with: the first is the baseline. */
  static final int[] OPEN_INVOICES = {10_000, 100_000};

  BenchSettings {
    if (rounds < 3) {
      throw new IllegalArgumentException("at least 3 timed rounds, got " + rounds);
    }
    if (concurrency < 1 || etherProofs + tokenProofs < 1 || measureTime.isZero()) {
      throw new IllegalArgumentException("concurrency, proofs and operations must be positive");
    }
    if (watchBlocks < 1
        || watchPayments < 1
        || watchNoise < 0
        || watchRuns < 1
        || replaysPerRound < 1) {
      throw new IllegalArgumentException("watched blocks and payments must be positive");
    }
    if (watchPayments > OPEN_INVOICES[0]) {
      throw new IllegalArgumentException("more payments per block than open invoices");
    }
  }

  static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        Integer.getInteger("bench.rounds", 5),
        Integer.getInteger("bench.concurrency", 8),
        Integer.getInteger("bench.proofs.eth", 300),
        Integer.getInteger("bench.proofs.erc20", 100),
        Duration.ofSeconds(Integer.getInteger("bench.proofs.seconds", 2)),
        Integer.getInteger("bench.watch.blocks", 30),
        Integer.getInteger("bench.watch.payments", 20),
        Integer.getInteger("bench.watch.noise", 5),
        Integer.getInteger("bench.watch.runs", 5),
        Integer.getInteger("bench.watch.replays", 100));
  }
}
