package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcStats;
import dev.payrelay.wallet.rpc.RpcUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.core.publisher.Mono;

/**
 * A chain of empty blocks ({@link Fixtures#hash} of a fork name), answering synchronously, that can
 * go down: for the timing of the watch loop in virtual time. It claims no compatibility with a
 * node; the watcher's behaviour against real nodes is tested against anvil.
 */
final class ScriptedRpc implements EthRpc {

  final AtomicInteger ticks = new AtomicInteger();
  volatile boolean down;
  volatile long head;
  volatile String fork = "main";

  @Override
  public ChainId chainId() {
    return Fixtures.CHAIN;
  }

  @Override
  public Mono<Long> latestBlockNumber() {
    return answer(() -> head);
  }

  @Override
  public Mono<Optional<Long>> taggedBlockNumber(BlockTag tag) {
    ticks.incrementAndGet();
    return answer(Optional::empty);
  }

  @Override
  public Mono<Optional<EthBlock.Block>> block(long number, boolean fullTransactions) {
    return answer(
        () -> {
          if (number > head) {
            return Optional.empty();
          }
          EthBlock.Block block = new EthBlock.Block();
          block.setNumber("0x" + Long.toHexString(number));
          block.setHash(Fixtures.hash(fork, number));
          block.setParentHash(
              number == 0 ? Checkpoint.BEFORE_GENESIS.hash() : Fixtures.hash(fork, number - 1));
          block.setTransactions(List.of());
          return Optional.of(block);
        });
  }

  @Override
  public Mono<List<Log>> logs(
      long fromBlock, long toBlock, List<Address> addresses, List<String> topic0) {
    return answer(List::of);
  }

  @Override
  public RpcStats stats() {
    return new RpcStats(Map.of(), 0, Optional.empty(), Optional.empty(), 0);
  }

  @Override
  public Mono<Long> remoteChainId() {
    return answer(() -> Fixtures.CHAIN.value());
  }

  @Override
  public Mono<Optional<TransactionReceipt>> receipt(TxHash tx) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Mono<Optional<Transaction>> transaction(TxHash tx) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Mono<ProofFacts> proofFacts(TxHash tx) {
    throw new UnsupportedOperationException();
  }

  private <T> Mono<T> answer(java.util.function.Supplier<T> value) {
    return Mono.defer(
        () ->
            down
                ? Mono.error(new RpcUnavailableException("connection refused", null))
                : Mono.just(value.get()));
  }
}
