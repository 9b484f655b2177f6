package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.verify.ProofVerifier;
import dev.payrelay.wallet.verify.Verification;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Proof-to-settlement across a settlement network of real nodes (ARCHITECTURE "The settlement
 * network"; issue #6): {@link SettleNetwork} on loopback TCP, real ETH payments on anvil, each
 * proof submitted at a random node other than its invoice's home. Latency is from submission to the
 * home ledger's application (and to the first attestation the home node stores). Three parts:
 *
 * <ol>
 *   <li>unloaded latency: proofs one at a time, each after the previous one is settled and
 *       attested;
 *   <li>open-loop steps at increasing rates: latency from each proof's scheduled submission time
 *       (so a stalled submitter cannot hide queueing), until a step degrades: a proof is not
 *       settled within {@link #SETTLE_BOUND}, its proofs settle at less than {@link
 *       #SUSTAIN_FRACTION} of the offered rate, or its p99 exceeds {@code degradeFactor} times the
 *       first step's;
 *   <li>the baseline: the same anvil's rate for what verifying a proof needs from it ({@code
 *       eth_getTransactionReceipt} + {@code eth_getBlockByNumber}) from a plain client, measured
 *       before and after the steps.
 * </ol>
 *
 * Fails unless every transfer was applied at most once, applications equal the proofs settled,
 * every submitted proof settled (the last step's backlog is waited for, up to {@link
 * #DRAIN_BOUND}), and every submission was accepted and relayed.
 */
final class SettlementBench {

  /** How long a proof may take to settle before it counts as lost. */
  static final Duration SETTLE_BOUND = Duration.ofSeconds(30);

  /**
   * A step whose proofs settle at less than this fraction of the offered rate is falling behind:
   * its queue grows without bound however its first proofs fared.
   */
  static final double SUSTAIN_FRACTION = 0.8;

  /** How long the network may take to settle what the last step left queued, before checking. */
  static final Duration DRAIN_BOUND = Duration.ofSeconds(120);

  /**
   * Latencies kept per unloaded proof: answered at the first node, applied, first and last
   * attestation.
   */
  private static final int KINDS = 4;

  /** One open-loop step: offered rate, what settled and how fast, what did not. */
  record Step(int rate, int proofs, ClosedLoop.Run settled, int unsettled, boolean degraded) {}

  /** Everything the report prints. */
  record Result(
      int nodes,
      int edges,
      int diameter,
      int concurrency,
      Duration stepTime,
      double degradeFactor,
      ClosedLoop.Run answeredUnloaded,
      ClosedLoop.Run appliedUnloaded,
      ClosedLoop.Run attestedUnloaded,
      ClosedLoop.Run attestedByAllUnloaded,
      ClosedLoop.Run verifyAlone,
      List<Step> steps,
      double baselineBefore,
      double baselineAfter,
      int applications,
      int lost,
      Map<String, Integer> outcomes) {

    /** The last step before the first degraded one; null if the first step degraded. */
    Step sustained() {
      Step last = null;
      for (Step step : steps) {
        if (step.degraded()) {
          break;
        }
        last = step;
      }
      return last;
    }
  }

  private final BenchChain chain;
  private final SettleSettings settings;
  private final SettleTimes times;
  private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private SettleNetwork network;

  SettlementBench(BenchChain chain, SettleSettings settings) {
    this.chain = chain;
    this.settings = settings;
    this.times = new SettleTimes(settings.nodes() - 1);
  }

  Result run(Clock clock) throws Exception {
    SplittableRandom random = new SplittableRandom(settings.seed());
    try (SettleNetwork started =
        SettleNetwork.start(settings.nodes(), chain, times, random, clock)) {
      network = started;
      List<SettlePayments.Paid> paid =
          SettlePayments.make(chain, network, settings.payments(), random);
      paid.forEach(p -> times.watch(p.invoice()));
      int next = 0;
      oneAtATime(paid.subList(next, next += settings.warmupProofs()));
      List<SettlePayments.Paid> alone = paid.subList(next, next += settings.latencyProofs());
      List<Long> unloaded = oneAtATime(alone);
      ClosedLoop.Run verified = verifyAlone(alone);
      double before = baseline(paid);
      List<Step> steps = new ArrayList<>();
      // The p99 a step is compared with: the first step's, but never below the unloaded one's. A
      // first step of 10 proofs has its maximum for p99, and may have been quieter than the
      // unloaded proofs, which overlap the gossip of their predecessors' attestations.
      double baseP99 = runOf(unloaded, 1).latencyMillis(0.99);
      for (int rate : settings.rates()) {
        int n = settings.proofsAt(rate);
        Step step = openLoop(rate, paid.subList(next, next += n), baseP99);
        if (steps.isEmpty() && step.settled().latencyNanos().length > 0) {
          baseP99 = Math.max(baseP99, step.settled().latencyMillis(0.99));
        }
        steps.add(step);
        if (step.degraded()) {
          break;
        }
      }
      int lost = drain(paid.subList(0, next));
      double after = baseline(paid);
      Result result =
          new Result(
              settings.nodes(),
              network.edges(),
              network.diameter(),
              settings.baselineConcurrency(),
              settings.stepTime(),
              settings.degradeFactor(),
              runOf(unloaded, 0),
              runOf(unloaded, 1),
              runOf(unloaded, 2),
              runOf(unloaded, 3),
              verified,
              steps,
              before,
              after,
              times.applications(),
              lost,
              Map.copyOf(outcomes));
      check(paid.subList(0, next), result);
      return result;
    }
  }

  /**
   * Submits each proof {@code quiet} after the previous one was applied at home and its receipt
   * attested there by every other node: the other nodes are still receiving and checking copies of
   * those attestations when the last one reaches home, and without the pause the next proof would
   * queue behind them (back to back, p50 was about 270 ms against 30-40 ms at 1 proof/s).
   *
   * @return per proof, the nanoseconds to the submission's answer, to the application, to the first
   *     and to the last attestation at home, interleaved
   */
  private List<Long> oneAtATime(List<SettlePayments.Paid> proofs) throws Exception {
    List<Long> latencies = new ArrayList<>();
    for (SettlePayments.Paid p : proofs) {
      long start = System.nanoTime();
      CompletableFuture<Long> answered = submit(p);
      latencies.add(await(answered, p) - start);
      latencies.add(await(times.appliedAt(p.invoice()), p) - start);
      latencies.add(await(times.attestedAt(p.invoice()), p) - start);
      latencies.add(await(times.attestedByAllAt(p.invoice()), p) - start);
      Thread.sleep(settings.quiet().toMillis());
    }
    return latencies;
  }

  private static long await(CompletableFuture<Long> at, SettlePayments.Paid p)
      throws InterruptedException, ExecutionException {
    try {
      return at.get(SETTLE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "proof of invoice "
              + p.invoice()
              + " submitted alone not settled/attested in "
              + SETTLE_BOUND,
          e);
    }
  }

  /**
   * Every {@value #KINDS}th latency from {@code interleaved}, starting at {@code offset}, as a run.
   */
  private static ClosedLoop.Run runOf(List<Long> interleaved, int offset) {
    long[] nanos = new long[interleaved.size() / KINDS];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = interleaved.get(KINDS * i + offset);
    }
    return new ClosedLoop.Run(nanos.length, 0, nanos);
  }

  /** Submits {@code proofs} at {@code rate} per second, open loop, and waits for them to settle. */
  private Step openLoop(int rate, List<SettlePayments.Paid> proofs, double baseP99)
      throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
    for (int j = 0; j < proofs.size(); j++) {
      long due = start + j * interval;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      submit(proofs.get(j));
    }
    long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
    List<Long> settled = new ArrayList<>();
    long firstApplied = Long.MAX_VALUE;
    long lastApplied = Long.MIN_VALUE;
    for (int j = 0; j < proofs.size(); j++) {
      Long at = appliedBy(proofs.get(j), deadline);
      if (at != null) {
        settled.add(at - (start + j * interval));
        firstApplied = Math.min(firstApplied, at);
        lastApplied = Math.max(lastApplied, at);
      }
    }
    long[] nanos = settled.stream().mapToLong(Long::longValue).toArray();
    // The settling rate: applications after the first one, over the time they took.
    ClosedLoop.Run run =
        new ClosedLoop.Run(
            Math.max(0, nanos.length - 1), Math.max(1, lastApplied - firstApplied), nanos);
    int unsettled = proofs.size() - nanos.length;
    boolean degraded =
        unsettled > 0
            || run.perSecond() < SUSTAIN_FRACTION * rate
            || run.latencyMillis(0.99) > settings.degradeFactor() * baseP99;
    return new Step(rate, proofs.size(), run, unsettled, degraded);
  }

  /**
   * Waits (bounded by {@link #DRAIN_BOUND}) for every submitted proof to be applied, so that the
   * second baseline does not share anvil with a backlog.
   *
   * @return the proofs still not applied then: lost
   */
  private int drain(List<SettlePayments.Paid> submitted) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_BOUND.toNanos();
    int lost = 0;
    for (SettlePayments.Paid p : submitted) {
      if (appliedBy(p, deadline) == null) {
        lost++;
      }
    }
    return lost;
  }

  /** When {@code p} was applied at home, waiting until {@code deadline}; null if it was not. */
  private Long appliedBy(SettlePayments.Paid p, long deadline) throws InterruptedException {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return times.appliedAt(p.invoice()).get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Hands {@code p} to its submission node's engine, as {@code POST /v1/proofs} does.
   *
   * @return when the submission was answered (the first node verified and published it)
   */
  private CompletableFuture<Long> submit(SettlePayments.Paid p) {
    CompletableFuture<Long> answered = new CompletableFuture<>();
    network
        .members
        .get(p.submitAt())
        .node()
        .engine()
        .submit(p.proof())
        .subscribe(
            outcome -> {
              answered.complete(System.nanoTime());
              outcomes.merge(outcome.getClass().getSimpleName(), 1, Integer::sum);
            },
            error -> {
              answered.completeExceptionally(error);
              errors.add(error);
            });
    return answered;
  }

  /** Proof verifications per second the anvil serves a plain client: receipt, then its block. */
  private double baseline(List<SettlePayments.Paid> paid) throws InterruptedException {
    try (ClosedLoop loop = new ClosedLoop(settings.baselineConcurrency())) {
      return loop.run(
              settings.baselineConcurrency(),
              settings.baselineOps(),
              (client, i) -> verifyByRpc(paid.get(i % paid.size())))
          .perSecond();
    }
  }

  private void verifyByRpc(SettlePayments.Paid p) {
    String tx = p.proof().transfer().tx().toString();
    JsonNode receipt = chain.rpc.call("eth_getTransactionReceipt", tx);
    JsonNode block =
        chain.rpc.call("eth_getBlockByNumber", receipt.path("blockNumber").asText(), false);
    if (!"0x1".equals(receipt.path("status").asText())
        || !block.path("hash").asText().equals(receipt.path("blockHash").asText())) {
      throw new IllegalStateException("the baseline could not verify " + tx);
    }
  }

  /**
   * The reference that explains the latency: the wallet's verification of each unloaded proof, one
   * at a time, through a node's own kind of client. Every hop verifies before it forwards.
   */
  private ClosedLoop.Run verifyAlone(List<SettlePayments.Paid> proofs) {
    ProofVerifier verifier = new ProofVerifier(chain.walletRpc(), 1, List.of(chain.proxy));
    long[] nanos = new long[proofs.size()];
    for (int i = 0; i < nanos.length; i++) {
      SettlePayments.Paid p = proofs.get(i);
      TransferClaim claim = p.proof().transfer();
      long start = System.nanoTime();
      Verification v =
          verifier.verify(claim.toProof(), claim.expectation(p.invoice().toString())).block();
      nanos[i] = System.nanoTime() - start;
      if (!(v instanceof Verification.Verified)) {
        throw new IllegalStateException("the reference could not verify " + claim + ": " + v);
      }
    }
    return new ClosedLoop.Run(nanos.length, 0, nanos);
  }

  private void check(List<SettlePayments.Paid> submitted, Result result) {
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.size() + " submissions failed", errors.peek());
    }
    int settled = 0;
    for (SettlePayments.Paid p : submitted) {
      int applied = times.applicationsOf(p.invoice());
      if (applied > 1) {
        throw new IllegalStateException(
            "invoice " + p.invoice() + " applied " + applied + " times");
      }
      settled += applied;
    }
    if (settled != times.applications()) {
      throw new IllegalStateException(
          times.applications() + " ledger applications for " + settled + " settled proofs");
    }
    int relayed = outcomes.getOrDefault(ProofOutcome.Relayed.class.getSimpleName(), 0);
    if (relayed != submitted.size()) {
      throw new IllegalStateException(
          "of " + submitted.size() + " submissions, " + relayed + " were relayed: " + outcomes);
    }
    if (result.lost() > 0) {
      throw new IllegalStateException(
          result.lost() + " proofs never settled (waited " + DRAIN_BOUND + " after the steps)");
    }
  }
}
