package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.core.publisher.Mono;

/**
 * One chain's JSON-RPC endpoint, as the rest of the wallet uses it: reactive, bounded in time,
 * retried with backoff on transient failures (timeouts, HTTP 429 and 5xx), never in a busy loop. A
 * call that still fails ends in an {@link RpcUnavailableException}; an answer that makes no sense
 * (malformed JSON-RPC, a block without a hash) ends in an {@link RpcProtocolException}.
 *
 * <p>The web3j response types are used as they are inside the wallet; nothing outside the wallet
 * sees them.
 */
public interface EthRpc {

  /** The chain this endpoint is configured for. */
  ChainId chainId();

  /**
   * The endpoint as it may be shown in logs and messages: {@code scheme://host:port}, never the
   * credentials or API key of its URL.
   */
  default String endpoint() {
    return "for chain " + chainId();
  }

  /** {@code eth_chainId}: what the node at the other end says it is. */
  Mono<Long> remoteChainId();

  /** {@code eth_blockNumber}. */
  Mono<Long> latestBlockNumber();

  /**
   * The number of the block tagged {@code finalized} or {@code safe}; empty if the node has none.
   */
  Mono<Optional<Long>> taggedBlockNumber(BlockTag tag);

  /** {@code eth_getBlockByNumber}; empty if the chain has no such block (yet). */
  Mono<Optional<EthBlock.Block>> block(long number, boolean fullTransactions);

  /** {@code eth_getTransactionReceipt}; empty if the transaction is unknown or not yet mined. */
  Mono<Optional<TransactionReceipt>> receipt(TxHash tx);

  /** {@code eth_getTransactionByHash}; empty if unknown. */
  Mono<Optional<Transaction>> transaction(TxHash tx);

  /**
   * What verifying one proof needs, fetched in one JSON-RPC batch: the receipt, the transaction,
   * the latest and finalized block numbers. The canonical hash of the receipt's block is fetched by
   * the caller with {@link #block} once the block number is known.
   */
  Mono<ProofFacts> proofFacts(TxHash tx);

  /**
   * {@code eth_getLogs} over {@code [fromBlock, toBlock]} for logs emitted by any of {@code
   * addresses} whose first topic is any of {@code topic0}. One call, whatever the number of
   * addresses and topics.
   */
  Mono<List<Log>> logs(long fromBlock, long toBlock, List<Address> addresses, List<String> topic0);

  /** Calls made so far, by JSON-RPC method, and the endpoint's health. */
  RpcStats stats();

  /** The block tags that name a moving block. */
  enum BlockTag {
    SAFE("safe"),
    FINALIZED("finalized");

    private final String json;

    BlockTag(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  /**
   * @param receipt empty if the transaction is unknown or not yet mined
   * @param transaction empty if unknown
   * @param latestBlock the chain head when asked
   * @param finalizedBlock the finalized block when asked, if the chain has the tag
   */
  record ProofFacts(
      Optional<TransactionReceipt> receipt,
      Optional<Transaction> transaction,
      long latestBlock,
      Optional<Long> finalizedBlock) {}
}
