package dev.payrelay.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** The printed table: one block per benchmark, every figure as median [min..max] of the rounds. */
final class Report {

  private final PrintStream out;

  Report(PrintStream out) {
    this.out = out;
  }

  void header(Instant at, int cpus, double load, String jvm, int rounds) {
    line("");
    line("PayRelay benchmarks, %s: %d CPUs, load %.2f at start, %s", at, cpus, load, jvm);
    line(
        "1 warm-up + %d timed rounds; figures are median [min..max] of the rounds; ratios are"
            + " taken round by round",
        rounds);
  }

  /** The end of the run: the machine's load then, to compare with the header's. */
  void footer(double load) {
    line("");
    line("load %.2f at end", load);
  }

  /** The wallet benchmarks run against this anvil. */
  void wallet(String anvil) {
    line("");
    line("Wallet benchmarks against %s", anvil);
  }

  void proofs(ProofThroughputBench.Result r) {
    line("");
    line(
        "Proof verification: %d payments through the proxy (%d ETH, %d ERC-20), %d in flight,"
            + " each rate measured for %d s per round",
        r.etherProofs() + r.tokenProofs(),
        r.etherProofs(),
        r.tokenProofs(),
        r.concurrency(),
        r.measureTime().toSeconds());
    line(
        "  baseline: eth_getTransactionReceipt, plain java.net.http  %s calls/s",
        r.receiptCallsPerSecond().format("%,.0f"));
    line(
        "  plain java.net.http, a proof's requests                   %s proofs/s",
        r.rawProofsPerSecond().format("%,.0f"));
    line(
        "  ProofVerifier.verify                                      %s proofs/s",
        r.proofsPerSecond().format("%,.0f"));
    line(
        "  ratio verify : receipt calls                              %s",
        r.ratioToReceipts().format("%.2f"));
    line(
        "  ratio verify : plain client sending a proof's requests    %s",
        r.ratioToRawProofs().format("%.2f"));
    line(
        "  per proof: %.2f HTTP requests, %.2f JSON-RPC calls (from Web3jEthRpc.stats())",
        r.httpRequestsPerProof(), r.rpcCallsPerProof());
    if (r.plainClientRetries() > 0) {
      line(
          "  the plain client retried %,d reads after its pool closed a connection under them",
          r.plainClientRetries());
    }
  }

  void watcher(WatcherCostBench.Result r) {
    WatcherCostBench.Size base = r.sizes().get(0);
    WatcherCostBench.Size big = r.sizes().get(r.sizes().size() - 1);
    line("");
    line(
        "Chain watcher: %d anvil blocks, each %d payments to open invoices + %d to none;"
            + " ranges of 1 block; %d runs against anvil and %d in memory per round",
        r.blocks(), r.payments(), r.noise(), r.runs(), r.replays());
    line(
        "  %-30s %-24s %-24s %s",
        "",
        String.format(Locale.ROOT, "%,d open", base.openInvoices()),
        String.format(Locale.ROOT, "%,d open", big.openInvoices()),
        "ratio");
    line(
        "  %-30s %-24s %-24s %.2f",
        "RPC calls per block",
        String.format(Locale.ROOT, "%.2f", base.totalCallsPerBlock()),
        String.format(Locale.ROOT, "%.2f", big.totalCallsPerBlock()),
        r.callsRatio());
    line(
        "  %-30s %-24s %-24s %s",
        "ms per block (anvil)",
        base.millisPerBlock().format("%.2f"),
        big.millisPerBlock().format("%.2f"),
        r.millisRatio().format("%.2f"));
    line(
        "  %-30s %-24s %-24s %s",
        "µs CPU per block (in memory)",
        base.microsPerBlockInMemory().format("%.0f"),
        big.microsPerBlockInMemory().format("%.0f"),
        r.microsInMemoryRatio().format("%.2f"));
    line(
        "  calls per block, %,d open: %s",
        big.openInvoices(),
        big.callsPerBlock().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", ")));
  }

  void invoices(InvoiceCreationBench.Result r) {
    new InvoiceReport(out).print(r);
  }

  void p2pBulk(P2pBulkBench.Result r) {
    line("");
    line(
        "Bulk transfer over loopback: %,d MiB per transfer in writes of %d KiB, the receiver"
            + " counts and answers",
        r.bytes() >> 20, r.chunkBytes() >> 10);
    line(
        "  baseline: plain TCP socket                       %s MiB/s",
        r.rawMibPerSecond().format("%,.0f"));
    line(
        "  PayRelay host to host, one Noise+yamux stream    %s MiB/s",
        r.javaMibPerSecond().format("%,.0f"));
    line(
        "  js-libp2p to js-libp2p, one Noise+yamux stream  %s MiB/s (Node.js %s)",
        r.jsMibPerSecond().format("%,.0f"), r.nodeVersion());
    line("  ratio PayRelay : plain TCP                      %s", r.javaToRaw().format("%.2f"));
    line("  ratio PayRelay : js-libp2p                      %s", r.javaToJs().format("%.2f"));
    line(
        "  CPU per MiB (both ends, all processes): PayRelay %s ms, js-libp2p %s ms",
        r.javaCpuMsPerMib().format("%,.1f"), r.jsCpuMsPerMib().format("%,.1f"));
    line("  ratio PayRelay : js-libp2p in MiB per CPU second  %s", r.javaToJsCpu().format("%.2f"));
  }

  void gossip(GossipThroughputBench.Result r) {
    line("");
    line(
        "Gossipsub over loopback, one publisher to one subscriber, %,d signed messages per round",
        r.messagesPerRound());
    line(
        "  PayRelay to PayRelay                            %s messages/s",
        r.javaPerSecond().format("%,.0f"));
    line(
        "  js-libp2p to js-libp2p                          %s messages/s (Node.js %s)",
        r.jsPerSecond().format("%,.0f"), r.nodeVersion());
    line("  ratio PayRelay : js-libp2p                      %s", r.javaToJs().format("%.2f"));
  }

  void settlement(SettlementBench.Result r) {
    line("");
    line(
        "Settlement network: %d nodes in one JVM on loopback TCP, %d links (diameter %d hops),"
            + " one anvil, proofs of ETH deposits submitted at a random non-home node",
        r.nodes(), r.edges(), r.diameter());
    line(
        "  unloaded, one proof at a time (%d): answered by the first node p50 %.1f ms  p99 %.1f ms",
        r.appliedUnloaded().latencyNanos().length,
        r.answeredUnloaded().latencyMillis(0.5),
        r.answeredUnloaded().latencyMillis(0.99));
    line(
        "    at home: applied p50 %.1f ms  p99 %.1f ms;  first attestation p50 %.1f ms  p99 %.1f"
            + " ms;  all %d attestations p50 %.1f ms  p99 %.1f ms",
        r.appliedUnloaded().latencyMillis(0.5),
        r.appliedUnloaded().latencyMillis(0.99),
        r.attestedUnloaded().latencyMillis(0.5),
        r.attestedUnloaded().latencyMillis(0.99),
        r.nodes() - 1,
        r.attestedByAllUnloaded().latencyMillis(0.5),
        r.attestedByAllUnloaded().latencyMillis(0.99));
    line(
        "    reference: the same proofs' ProofVerifier.verify alone, one at a time  p50 %.1f ms"
            + "  p99 %.1f ms (each hop verifies before it forwards)",
        r.verifyAlone().latencyMillis(0.5), r.verifyAlone().latencyMillis(0.99));
    line(
        "  open loop, %d s per step (latency from each proof's scheduled time; degraded: a proof"
            + " unsettled in %d s, settling below %.0f%% of the offered rate, or p99 > %.0fx the"
            + " first step's or the unloaded p99, the higher)",
        r.stepTime().toSeconds(),
        SettlementBench.SETTLE_BOUND.toSeconds(),
        SettlementBench.SUSTAIN_FRACTION * 100,
        r.degradeFactor());
    for (SettlementBench.Step s : r.steps()) {
      line(
          "    %4d proofs/s offered  %5d proofs  settled %5d at %6.1f/s  p50 %8.1f ms  p99 %8.1f ms"
              + "%s",
          s.rate(),
          s.proofs(),
          s.settled().latencyNanos().length,
          s.settled().latencyNanos().length == 0 ? 0 : s.settled().perSecond(),
          s.settled().latencyNanos().length == 0 ? Double.NaN : s.settled().latencyMillis(0.5),
          s.settled().latencyNanos().length == 0 ? Double.NaN : s.settled().latencyMillis(0.99),
          s.degraded() ? "  DEGRADED (" + s.unsettled() + " unsettled)" : "");
    }
    SettlementBench.Step best = r.sustained();
    double baseline = (r.baselineBefore() + r.baselineAfter()) / 2;
    line(
        "  baseline: RPC verifications (receipt + block, plain java.net.http, %d in flight)"
            + "  %,.0f/s before, %,.0f/s after the steps",
        r.concurrency(), r.baselineBefore(), r.baselineAfter());
    if (best == null) {
      line("  highest sustained rate: none (the first step degraded)");
    } else {
      line(
          "  highest sustained rate: %d proofs/s offered, %.1f settled/s",
          best.rate(), best.settled().perSecond());
      line(
          "  ratio settled proofs/s : RPC verifications/s   %.4f (1 : %.0f)",
          best.settled().perSecond() / baseline, baseline / best.settled().perSecond());
    }
    line(
        "  checks: %d ledger applications, each transfer at most once, %d proofs lost;"
            + " submissions: %s",
        r.applications(), r.lost(), r.outcomes());
  }

  private void line(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
