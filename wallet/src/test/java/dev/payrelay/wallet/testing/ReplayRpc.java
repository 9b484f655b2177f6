package dev.payrelay.wallet.testing;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.core.publisher.Mono;

/**
 * An {@link EthRpc} that answers from blocks and logs recorded from anvil, at once and in memory,
 * so that a {@link dev.payrelay.wallet.watch.ChainWatcher} driven by it spends its time only on
 * decoding, matching and its own state: the in-memory cost of a block. Counts its calls like the
 * real endpoint. It lives in the wallet's test-jar so that benchmarks and tests use it without
 * importing web3j themselves (the wallet is the only code that does).
 */
public final class ReplayRpc implements EthRpc {

  private final ChainId chain;
  private final long head;
  private final Optional<Long> finalized;
  private final Map<Long, EthBlock.Block> blocks;
  private final Map<Long, List<Recorded>> logsByBlock;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  private ReplayRpc(
      ChainId chain,
      long head,
      Optional<Long> finalized,
      Map<Long, EthBlock.Block> blocks,
      Map<Long, List<Recorded>> logsByBlock) {
    this.chain = chain;
    this.head = head;
    this.finalized = finalized;
    this.blocks = blocks;
    this.logsByBlock = logsByBlock;
  }

  /**
   * Records blocks {@code from..to} (full) and every log of {@code emitters} with one of {@code
   * topics} in them, the head and the finalized block, through {@code live}.
   */
  public static ReplayRpc record(
      EthRpc live, long from, long to, List<Address> emitters, List<String> topics) {
    Map<Long, EthBlock.Block> blocks = new HashMap<>();
    for (long n = from; n <= to; n++) {
      long number = n;
      blocks.put(
          n,
          live.block(n, true)
              .block()
              .orElseThrow(() -> new IllegalStateException("no block " + number)));
    }
    Map<Long, List<Recorded>> logs =
        live.logs(from, to, emitters, topics).block().stream()
            .map(Recorded::of)
            .collect(
                Collectors.groupingBy(
                    r -> r.log().getBlockNumber().longValueExact(),
                    TreeMap::new,
                    Collectors.toList()));
    return new ReplayRpc(
        live.chainId(),
        live.latestBlockNumber().block(),
        live.taggedBlockNumber(BlockTag.FINALIZED).block(),
        blocks,
        logs);
  }

  /** A recorded log with what a filter compares, prepared once so that replaying costs nothing. */
  private record Recorded(Log log, String emitter, String topic0) {
    static Recorded of(Log log) {
      return new Recorded(
          log,
          log.getAddress().toLowerCase(Locale.ROOT),
          log.getTopics().get(0).toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public ChainId chainId() {
    return chain;
  }

  @Override
  public Mono<Long> remoteChainId() {
    count("eth_chainId");
    return Mono.just(chain.value());
  }

  @Override
  public Mono<Long> latestBlockNumber() {
    count("eth_blockNumber");
    return Mono.just(head);
  }

  @Override
  public Mono<Optional<Long>> taggedBlockNumber(BlockTag tag) {
    count("eth_getBlockByNumber");
    if (tag != BlockTag.FINALIZED) {
      return Mono.error(new UnsupportedOperationException("only the finalized tag is recorded"));
    }
    return Mono.just(finalized);
  }

  @Override
  public Mono<Optional<EthBlock.Block>> block(long number, boolean fullTransactions) {
    count("eth_getBlockByNumber");
    return Mono.just(Optional.ofNullable(blocks.get(number)));
  }

  @Override
  public Mono<List<Log>> logs(
      long fromBlock, long toBlock, List<Address> addresses, List<String> topic0) {
    count("eth_getLogs");
    Set<String> emitters =
        addresses.stream().map(Address::toLowerHex).collect(Collectors.toUnmodifiableSet());
    List<Log> out = new ArrayList<>();
    for (long n = fromBlock; n <= toBlock; n++) {
      for (Recorded r : logsByBlock.getOrDefault(n, List.of())) {
        if (emitters.contains(r.emitter()) && topic0.contains(r.topic0())) {
          out.add(r.log());
        }
      }
    }
    return Mono.just(out);
  }

  @Override
  public Mono<Optional<TransactionReceipt>> receipt(TxHash tx) {
    return Mono.error(new UnsupportedOperationException("not recorded"));
  }

  @Override
  public Mono<Optional<Transaction>> transaction(TxHash tx) {
    return Mono.error(new UnsupportedOperationException("not recorded"));
  }

  @Override
  public Mono<ProofFacts> proofFacts(TxHash tx) {
    return Mono.error(new UnsupportedOperationException("not recorded"));
  }

  @Override
  public RpcStats stats() {
    Map<String, Long> byMethod = new TreeMap<>();
    calls.forEach((method, n) -> byMethod.put(method, n.sum()));
    long total = byMethod.values().stream().mapToLong(Long::longValue).sum();
    return new RpcStats(byMethod, total, Optional.empty(), Optional.empty(), 0);
  }

  private void count(String method) {
    calls.computeIfAbsent(method, m -> new LongAdder()).increment();
  }
}
