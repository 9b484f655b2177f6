package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.wallet.rpc.RpcStats;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.verify.ProofVerifier;
import dev.payrelay.wallet.verify.Verification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import reactor.core.publisher.Flux;

/**
 * Proofs verified per second by {@link ProofVerifier#verify}, against the rate at which the same
 * anvil answers the underlying {@code eth_getTransactionReceipt} to a plain {@code java.net.http}
 * client, both with the same number of requests in flight over the same transactions, in the same
 * rounds. A third rate separates the wallet's own cost from the protocol's: the plain client
 * sending exactly the requests of one proof (the batch of receipt, transaction, head and finalized
 * block, then the receipt's block).
 */
final class ProofThroughputBench {

  /** The figures of one run. */
  record Result(
      int etherProofs,
      int tokenProofs,
      int concurrency,
      Duration measureTime,
      Summary receiptCallsPerSecond,
      Summary rawProofsPerSecond,
      Summary proofsPerSecond,
      Summary ratioToReceipts,
      Summary ratioToRawProofs,
      double httpRequestsPerProof,
      double rpcCallsPerProof,
      long plainClientRetries) {}

  /** The measurements, in the order of {@link #run()}'s list. */
  private static final int RECEIPTS = 0;

  private static final int RAW_PROOFS = 1;
  private static final int PROOFS = 2;

  private final BenchChain chain;
  private final BenchSettings settings;
  private final List<ProofPayments.Paid> paid;

  ProofThroughputBench(BenchChain chain, BenchSettings settings) {
    this.chain = chain;
    this.settings = settings;
    this.paid = ProofPayments.make(chain, settings.etherProofs(), settings.tokenProofs());
  }

  Result run() throws Exception {
    Duration round = settings.measureTime();
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
    try (Web3jEthRpc rpc = chain.walletRpc()) {
      ProofVerifier verifier = new ProofVerifier(rpc, 1, List.of(chain.proxy));
      List<Callable<Rate>> measures =
          List.of(
              () -> rate(pool, round, this::rawReceipt),
              () -> rate(pool, round, this::rawProof),
              () -> verified(verifier, round));
      for (Callable<Rate> m : measures) {
        m.call(); // warm-up: JIT, connections, and a first check that every proof verifies
      }
      RpcStats before = rpc.stats();
      long retriesBefore = chain.rpc.retries();
      long proofs = 0;
      List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int r = 0; r < settings.rounds(); r++) {
        for (int i = 0; i < measures.size(); i++) {
          int which = (i + r) % measures.size(); // rotate the order against drift
          Rate rate = measures.get(which).call();
          rates.get(which).add(rate.perSecond());
          proofs += which == PROOFS ? rate.ops() : 0;
        }
      }
      RpcStats after = rpc.stats();
      return new Result(
          settings.etherProofs(),
          settings.tokenProofs(),
          settings.concurrency(),
          round,
          Summary.of(rates.get(RECEIPTS)),
          Summary.of(rates.get(RAW_PROOFS)),
          Summary.of(rates.get(PROOFS)),
          Summary.ofRatios(rates.get(PROOFS), rates.get(RECEIPTS)),
          Summary.ofRatios(rates.get(PROOFS), rates.get(RAW_PROOFS)),
          (double) (after.httpRequests() - before.httpRequests()) / proofs,
          (double) (rpcCalls(after) - rpcCalls(before)) / proofs,
          chain.rpc.retries() - retriesBefore);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Operations done in a timed measurement, and their rate. */
  private record Rate(long ops, double perSecond) {
    static Rate of(long ops, long startNanos) {
      return new Rate(ops, ops / ((System.nanoTime() - startNanos) / 1e9));
    }
  }

  /**
   * Proofs verified per second during {@code duration} (the proofs in flight at its end are
   * finished and counted); fails unless every one is {@link Verification.Verified}.
   */
  private Rate verified(ProofVerifier verifier, Duration duration) {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    AtomicLong verified = new AtomicLong();
    Long done =
        Flux.range(0, Integer.MAX_VALUE)
            .takeWhile(i -> System.nanoTime() - deadline < 0)
            .flatMap(
                i -> {
                  ProofPayments.Paid p = paid.get(i % paid.size());
                  return verifier.verify(p.proof(), p.expected());
                },
                settings.concurrency())
            .doOnNext(
                v -> {
                  if (v instanceof Verification.Verified) {
                    verified.incrementAndGet();
                  }
                })
            .count()
            .block();
    Rate rate = Rate.of(done, start);
    if (verified.get() != done) {
      throw new IllegalStateException(verified.get() + " of " + done + " proofs verified");
    }
    return rate;
  }

  /** The baseline: one {@code eth_getTransactionReceipt}. */
  private void rawReceipt(int i) {
    String hash = paid.get(i % paid.size()).txHash();
    JsonNode answer =
        chain.rpc.read(
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + i
                + ",\"method\":\"eth_getTransactionReceipt\",\"params\":[\""
                + hash
                + "\"]}");
    if (!answer.path("result").isObject()) {
      throw new IllegalStateException("no receipt for " + hash + ": " + answer);
    }
  }

  /** The requests of one proof, by the plain client: the batch, then the receipt's block. */
  private void rawProof(int i) {
    String hash = paid.get(i % paid.size()).txHash();
    JsonNode answers =
        chain.rpc.read(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionReceipt\",\"params\":[\""
                + hash
                + "\"]},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_getTransactionByHash\","
                + "\"params\":[\""
                + hash
                + "\"]},{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_blockNumber\",\"params\":[]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_getBlockByNumber\","
                + "\"params\":[\"finalized\",false]}]");
    JsonNode receipt = answers.path(0).path("result");
    JsonNode block =
        chain.rpc.read(
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"eth_getBlockByNumber\",\"params\":[\""
                + receipt.path("blockNumber").asText()
                + "\",false]}");
    if (!block.path("result").path("hash").asText().equals(receipt.path("blockHash").asText())) {
      throw new IllegalStateException("the block of " + hash + " is not canonical: " + answers);
    }
  }

  /** Calls of {@code op} per second during {@code duration}, by {@code concurrency} threads. */
  private Rate rate(ExecutorService pool, Duration duration, IntConsumer op)
      throws InterruptedException, ExecutionException {
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    Callable<Void> worker =
        () -> {
          while (System.nanoTime() - deadline < 0) {
            op.accept(next.getAndIncrement());
          }
          return null;
        };
    List<Future<Void>> running = new ArrayList<>();
    for (int t = 0; t < settings.concurrency(); t++) {
      running.add(pool.submit(worker));
    }
    for (Future<Void> f : running) {
      f.get();
    }
    return Rate.of(next.get(), start);
  }

  /** JSON-RPC calls, a batch counted by the calls inside it. */
  private static long rpcCalls(RpcStats stats) {
    return stats.callsByMethod().entrySet().stream()
        .filter(e -> !e.getKey().equals("batch"))
        .mapToLong(e -> e.getValue())
        .sum();
  }
}
