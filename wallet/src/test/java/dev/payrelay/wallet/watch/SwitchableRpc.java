package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcStats;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.core.publisher.Mono;

/** Real endpoints behind one: the tests move the watcher from a dead node to a live one. */
final class SwitchableRpc implements EthRpc {

  private volatile EthRpc target;

  SwitchableRpc(EthRpc target) {
    this.target = target;
  }

  void switchTo(EthRpc next) {
    target = next;
  }

  @Override
  public ChainId chainId() {
    return target.chainId();
  }

  @Override
  public Mono<Long> remoteChainId() {
    return Mono.defer(() -> target.remoteChainId());
  }

  @Override
  public Mono<Long> latestBlockNumber() {
    return Mono.defer(() -> target.latestBlockNumber());
  }

  @Override
  public Mono<Optional<Long>> taggedBlockNumber(BlockTag tag) {
    return Mono.defer(() -> target.taggedBlockNumber(tag));
  }

  @Override
  public Mono<Optional<EthBlock.Block>> block(long number, boolean fullTransactions) {
    return Mono.defer(() -> target.block(number, fullTransactions));
  }

  @Override
  public Mono<Optional<TransactionReceipt>> receipt(TxHash tx) {
    return Mono.defer(() -> target.receipt(tx));
  }

  @Override
  public Mono<Optional<Transaction>> transaction(TxHash tx) {
    return Mono.defer(() -> target.transaction(tx));
  }

  @Override
  public Mono<ProofFacts> proofFacts(TxHash tx) {
    return Mono.defer(() -> target.proofFacts(tx));
  }

  @Override
  public Mono<List<Log>> logs(
      long fromBlock, long toBlock, List<Address> addresses, List<String> topic0) {
    return Mono.defer(() -> target.logs(fromBlock, toBlock, addresses, topic0));
  }

  @Override
  public RpcStats stats() {
    return target.stats();
  }
}
