package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.contract.TransferWithReferenceEvents;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcProtocolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one block range with a number of calls that does not depend on the open invoices: the
 * headers it needs, one {@code eth_getLogs} for the proxies' events, one for the tokens' {@code
 * Transfer} events, and the full blocks only while ETH is expected at a deposit address.
 *
 * <p>Headers come first and logs second, so logs of a chain that replaced the headers' chain are
 * either caught here (block hash mismatch) or by the next range's parent check.
 */
final class RangeFetcher {

  /** Blocks fetched in parallel. */
  static final int BLOCK_CONCURRENCY = 8;

  private final EthRpc rpc;
  private final List<Address> proxies;
  private final List<Address> tokens;

  /** What a range must be searched for, decided from the open expectations. */
  record Needs(boolean proxyEvents, boolean tokenTransfers, boolean nativeTransfers) {}

  /** The outcome: the range, or the news that its first block is not the checkpoint's child. */
  sealed interface Fetched permits Linked, Unlinked {}

  record Linked(ScannedRange range) implements Fetched {}

  record Unlinked(String parentHash) implements Fetched {}

  RangeFetcher(EthRpc rpc, List<Address> proxies, List<Address> tokens) {
    this.rpc = rpc;
    this.proxies = List.copyOf(proxies);
    this.tokens = List.copyOf(tokens);
  }

  Mono<Fetched> fetch(Checkpoint checkpoint, long to, long head, Needs needs) {
    long from = checkpoint.number() + 1;
    return Flux.fromIterable(blocksToRead(from, to, head, needs.nativeTransfers()))
        .flatMapSequential(n -> block(n, needs.nativeTransfers()), BLOCK_CONCURRENCY)
        .collectList()
        .flatMap(
            blocks -> {
              List<BlockHeader> headers = blocks.stream().map(ChainDecoding::header).toList();
              if (!headers.get(0).parentHash().equals(checkpoint.hash())) {
                return Mono.just(new Unlinked(headers.get(0).parentHash()));
              }
              requireLinked(headers);
              List<Candidate> candidates = new ArrayList<>();
              if (needs.nativeTransfers()) {
                blocks.forEach(b -> candidates.addAll(ChainDecoding.nativeTransfers(b)));
              }
              return logs(from, to, needs).map(found -> linked(from, headers, candidates, found));
            });
  }

  /**
   * Every block when their transactions are needed; otherwise the first (its parent is checked),
   * the last (the new checkpoint) and those within the reorg horizon of the head, so that a reorg
   * near the head finds its exact fork point.
   */
  static List<Long> blocksToRead(long from, long to, long head, boolean all) {
    TreeSet<Long> numbers = new TreeSet<>(List.of(from, to));
    for (long n = all ? from : Math.max(from, head - WatchState.MAX_REORG_DEPTH + 1);
        n <= to;
        n++) {
      numbers.add(n);
    }
    return List.copyOf(numbers);
  }

  private Mono<EthBlock.Block> block(long number, boolean fullTransactions) {
    return rpc.block(number, fullTransactions)
        .map(b -> b.orElseThrow(() -> new ChainMovedException("block " + number + " is gone")));
  }

  private Mono<List<Candidate>> logs(long from, long to, Needs needs) {
    Mono<List<Candidate>> proxyEvents =
        needs.proxyEvents() && !proxies.isEmpty()
            ? rpc.logs(from, to, proxies, TransferWithReferenceEvents.TOPICS)
                .map(logs -> decode(logs, proxies, ChainDecoding::proxyPayment))
            : Mono.just(List.of());
    Mono<List<Candidate>> tokenTransfers =
        needs.tokenTransfers() && !tokens.isEmpty()
            ? rpc.logs(from, to, tokens, List.of(ChainDecoding.ERC20_TRANSFER_TOPIC))
                .map(logs -> decode(logs, tokens, ChainDecoding::tokenTransfer))
            : Mono.just(List.of());
    return Mono.zip(proxyEvents, tokenTransfers)
        .map(
            both -> {
              List<Candidate> all = new ArrayList<>(both.getT1());
              all.addAll(both.getT2());
              return all;
            });
  }

  private static List<Candidate> decode(
      List<Log> logs, List<Address> emitters, Function<Log, Optional<Candidate>> decoder) {
    List<Candidate> out = new ArrayList<>();
    for (Log log : logs) {
      if (!log.isRemoved() && emitters.contains(Address.parse(log.getAddress()))) {
        decoder.apply(log).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Fetched linked(
      long from, List<BlockHeader> headers, List<Candidate> fromBlocks, List<Candidate> fromLogs) {
    Map<Long, String> hashes = new HashMap<>();
    headers.forEach(h -> hashes.put(h.number(), h.block().hash()));
    Checkpoint tip = headers.get(headers.size() - 1).block();
    for (Candidate c : fromLogs) {
      if (c.blockNumber() < from || c.blockNumber() > tip.number()) {
        throw new RpcProtocolException(
            "eth_getLogs for "
                + from
                + ".."
                + tip.number()
                + " answered a log of block "
                + c.blockNumber());
      }
      String hash = hashes.get(c.blockNumber());
      if (hash != null && !hash.equals(c.blockHash())) {
        throw new ChainMovedException("block " + c.blockNumber() + " changed during the range");
      }
    }
    List<Candidate> all = new ArrayList<>(fromBlocks);
    all.addAll(fromLogs);
    all.sort(
        Comparator.comparingLong(Candidate::blockNumber).thenComparingLong(Candidate::logIndex));
    return new Linked(
        new ScannedRange(from, tip, headers.stream().map(BlockHeader::block).toList(), all));
  }

  private static void requireLinked(List<BlockHeader> headers) {
    for (int i = 1; i < headers.size(); i++) {
      BlockHeader previous = headers.get(i - 1);
      BlockHeader next = headers.get(i);
      if (next.number() == previous.number() + 1
          && !next.parentHash().equals(previous.block().hash())) {
        throw new ChainMovedException("block " + next.number() + " changed during the range");
      }
    }
  }
}
