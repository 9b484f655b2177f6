package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@link EthRpc} over HTTP with web3j and OkHttp: every attempt bounded by {@link
 * RpcSettings#perCallTimeout()}, transient failures retried by {@link RpcRetry}, and {@link
 * #proofFacts} in one JSON-RPC batch (<a
 * href="https://www.jsonrpc.org/specification#batch">JSON-RPC 2.0 §6</a>). Close it to release its
 * threads and connections.
 */
public final class Web3jEthRpc implements EthRpc, AutoCloseable {

  private final RpcSettings settings;
  private final RpcCounters counters = new RpcCounters();
  private final OkHttpClient http;
  private final Web3j web3j;
  private final RpcCaller caller;

  /** An endpoint with the system clock, Reactor's parallel scheduler and a random jitter. */
  public static Web3jEthRpc create(RpcSettings settings) {
    return new Web3jEthRpc(
        settings,
        Clock.systemUTC(),
        Schedulers.parallel(),
        () -> ThreadLocalRandom.current().nextDouble());
  }

  Web3jEthRpc(RpcSettings settings, Clock clock, Scheduler scheduler, DoubleSupplier random) {
    this.settings = settings;
    this.http = RpcHttp.client(settings, counters, clock);
    HttpService service = new HttpService(settings.url().toString(), http);
    RpcHttp.basicAuthentication(settings.url())
        .ifPresent(v -> service.addHeader("Authorization", v));
    this.web3j = Web3j.build(service);
    this.caller =
        new RpcCaller(
            settings, counters, new RpcRetry(settings, random, scheduler), clock, scheduler);
  }

  @Override
  public ChainId chainId() {
    return settings.chainId();
  }

  @Override
  public String endpoint() {
    return settings.endpoint();
  }

  @Override
  public Mono<Long> remoteChainId() {
    return caller
        .call(web3j.ethChainId(), false)
        .map(r -> RpcResults.quantity("eth_chainId", r.getResult()));
  }

  @Override
  public Mono<Long> latestBlockNumber() {
    return caller
        .call(web3j.ethBlockNumber(), false)
        .map(r -> RpcResults.quantity("eth_blockNumber", r.getResult()));
  }

  @Override
  public Mono<Optional<Long>> taggedBlockNumber(BlockTag tag) {
    // A node without the tag answers with an error (or null): the chain has no such block.
    return caller
        .call(web3j.ethGetBlockByNumber(parameter(tag), false), true)
        .map(RpcResults::taggedNumber);
  }

  @Override
  public Mono<Optional<EthBlock.Block>> block(long number, boolean fullTransactions) {
    if (number < 0) {
      return Mono.error(new IllegalArgumentException("a block number is >= 0, got " + number));
    }
    DefaultBlockParameter at = DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    return caller
        .call(web3j.ethGetBlockByNumber(at, fullTransactions), false)
        .map(r -> RpcResults.block(number, r));
  }

  @Override
  public Mono<Optional<TransactionReceipt>> receipt(TxHash tx) {
    return caller
        .call(web3j.ethGetTransactionReceipt(tx.toString()), false)
        .map(r -> RpcResults.receipt(tx, r));
  }

  @Override
  public Mono<Optional<Transaction>> transaction(TxHash tx) {
    return caller
        .call(web3j.ethGetTransactionByHash(tx.toString()), false)
        .map(EthTransaction::getTransaction);
  }

  @Override
  public Mono<ProofFacts> proofFacts(TxHash tx) {
    String hash = tx.toString();
    var batch =
        web3j
            .newBatch()
            .add(web3j.ethGetTransactionReceipt(hash))
            .add(web3j.ethGetTransactionByHash(hash))
            .add(web3j.ethBlockNumber())
            .add(web3j.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false));
    int finalized = 3;
    return caller
        .batch(batch, i -> i == finalized)
        .map(
            answers ->
                new ProofFacts(
                    RpcResults.receipt(tx, (EthGetTransactionReceipt) answers.get(0)),
                    ((EthTransaction) answers.get(1)).getTransaction(),
                    RpcResults.quantity(
                        "eth_blockNumber", ((EthBlockNumber) answers.get(2)).getResult()),
                    RpcResults.taggedNumber((EthBlock) answers.get(finalized))));
  }

  /**
   * {@inheritDoc}
   *
   * <p>With no addresses or no topics there is nothing to match, so no call is made and the answer
   * is empty.
   */
  @Override
  public Mono<List<Log>> logs(
      long fromBlock, long toBlock, List<Address> addresses, List<String> topic0) {
    if (fromBlock < 0 || toBlock < fromBlock) {
      return Mono.error(
          new IllegalArgumentException(
              "a block range is 0 <= from <= to, got " + fromBlock + ".." + toBlock));
    }
    if (addresses.isEmpty() || topic0.isEmpty()) {
      return Mono.just(List.of());
    }
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
            addresses.stream().map(Address::toLowerHex).toList());
    filter.addOptionalTopics(topic0.toArray(String[]::new));
    return caller.call(web3j.ethGetLogs(filter), false).map(RpcResults::logs);
  }

  @Override
  public RpcStats stats() {
    return counters.snapshot();
  }

  /** Stops web3j's threads and closes idle connections; calls in flight may fail. */
  @Override
  public void close() {
    web3j.shutdown();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "Web3jEthRpc[chain " + settings.chainId() + " at " + settings.endpoint() + "]";
  }

  private static DefaultBlockParameterName parameter(BlockTag tag) {
    return switch (tag) {
      case SAFE -> DefaultBlockParameterName.SAFE;
      case FINALIZED -> DefaultBlockParameterName.FINALIZED;
    };
  }
}
