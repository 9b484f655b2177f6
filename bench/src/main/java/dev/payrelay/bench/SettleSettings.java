package dev.payrelay.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The sizes of the settlement benchmark, from system properties; the defaults are what
 * bench/README.md reports.
 *
 * @param nodes settlement nodes in the network
 * @param warmupProofs proofs settled one at a time before anything is timed (JIT, connections)
 * @param latencyProofs proofs settled one at a time, each submitted when the previous one has been
 *     applied and attested: the unloaded proof-to-settlement latency
 * @param rates offered proofs per second of the open-loop steps, ascending
 * @param stepTime how long each step submits at its rate
 * @param degradeFactor a step whose p99 exceeds this many times the first step's p99 has degraded
 * @param baselineConcurrency requests in flight for the RPC baseline
 * @param baselineOps verifications the RPC baseline makes per measurement
 * @param seed the topology's and the homes' random seed
 * @param quiet the pause after each unloaded proof's last attestation, so that the other nodes are
 *     done with its gossip before the next proof
 */
record SettleSettings(
    int nodes,
    int warmupProofs,
    int latencyProofs,
    List<Integer> rates,
    Duration stepTime,
    double degradeFactor,
    int baselineConcurrency,
    int baselineOps,
    long seed,
    Duration quiet) {

  SettleSettings {
    rates = List.copyOf(rates);
    if (nodes < 3) {
      throw new IllegalArgumentException("a settlement network here has at least 3 nodes");
    }
    if (warmupProofs < 0 || latencyProofs < 1 || baselineConcurrency < 1 || baselineOps < 1) {
      throw new IllegalArgumentException("proof and baseline counts must be positive");
    }
    if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1) || stepTime.isZero()) {
      throw new IllegalArgumentException("rates and the step time must be positive: " + rates);
    }
    if (degradeFactor <= 1) {
      throw new IllegalArgumentException("the degradation factor is above 1: " + degradeFactor);
    }
  }

  static SettleSettings fromSystemProperties(BenchSettings common) {
    return new SettleSettings(
        Integer.getInteger("bench.settle.nodes", 10),
        Integer.getInteger("bench.settle.warmup", 20),
        Integer.getInteger("bench.settle.latencyProofs", 100),
        Arrays.stream(System.getProperty("bench.settle.rates", "1,2,5,10,20,40,80").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .sorted()
            .toList(),
        Duration.ofSeconds(Integer.getInteger("bench.settle.stepSeconds", 10)),
        Double.parseDouble(System.getProperty("bench.settle.degrade", "5")),
        common.concurrency(),
        Integer.getInteger("bench.settle.baselineOps", 2_000),
        Long.getLong("bench.settle.seed", 6),
        Duration.ofMillis(Integer.getInteger("bench.settle.quietMillis", 500)));
  }

  /** Proofs the open-loop step at {@code rate} submits. */
  int proofsAt(int rate) {
    return (int) Math.max(1, rate * stepTime.toMillis() / 1000);
  }

  /** Payments to make: every proof of every phase has its own. */
  int payments() {
    return warmupProofs + latencyProofs + rates.stream().mapToInt(this::proofsAt).sum();
  }
}
