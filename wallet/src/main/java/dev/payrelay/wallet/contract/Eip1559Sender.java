package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs EIP-1559 transactions with a local key and waits for their receipts: for the dev chain and
 * tests (deploying the proxy and test tokens, paying through them). The node itself never holds a
 * key and never calls this in production.
 *
 * <p>Blocking: every method waits for the node's answers, so never call it on an event-loop thread.
 * Transactions from one account are sent one at a time (nonce, send, receipt), so concurrent
 * callers sharing an account do not race for a nonce.
 */
public final class Eip1559Sender {

  /** How long to wait for a receipt before giving up. */
  public static final Duration DEFAULT_RECEIPT_TIMEOUT = Duration.ofSeconds(60);

  /** Headroom over {@code eth_estimateGas}, in percent; unused gas is not charged. */
  static final int GAS_HEADROOM_PERCENT = 25;

  private static final Duration FIRST_POLL = Duration.ofMillis(10);
  private static final Duration MAX_POLL = Duration.ofMillis(500);
  private static final Map<String, Object> ACCOUNT_LOCKS = new ConcurrentHashMap<>();

  private final Web3j web3j;
  private final Credentials credentials;
  private final ChainId chainId;
  private final Duration receiptTimeout;
  private volatile boolean chainChecked;

  public Eip1559Sender(Web3j web3j, Credentials credentials, ChainId chainId) {
    this(web3j, credentials, chainId, DEFAULT_RECEIPT_TIMEOUT);
  }

  public Eip1559Sender(
      Web3j web3j, Credentials credentials, ChainId chainId, Duration receiptTimeout) {
    this.web3j = web3j;
    this.credentials = credentials;
    this.chainId = chainId;
    this.receiptTimeout = receiptTimeout;
  }

  /** The sending account. */
  public Address from() {
    return Address.parse(credentials.getAddress());
  }

  /**
   * Deploys {@code initCode} (creation bytecode, constructor arguments appended) and returns the
   * new contract's address.
   *
   * @throws TransactionException if the deployment reverts or the node refuses it
   */
  public Address deploy(byte[] initCode) {
    TransactionReceipt receipt = send(null, BigInteger.ZERO, Hex.encode(initCode), null);
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new TransactionException(
          "contract deployment " + receipt.getTransactionHash() + " failed (status 0x0)");
    }
    return Address.parse(receipt.getContractAddress());
  }

  /**
   * Calls {@code to} with {@code value} wei and calldata {@code data}, with the gas the node
   * estimates. A call that would revert fails here, at estimation, and is never mined.
   *
   * @return the receipt of the mined transaction (status 1)
   * @throws TransactionException if the node refuses the transaction
   */
  public TransactionReceipt send(Address to, BigInteger value, String data) {
    return send(to, value, data, null);
  }

  /**
   * Like {@link #send(Address, BigInteger, String)} with a fixed gas limit and no estimation, so a
   * transaction that reverts is still mined: its receipt has status {@code 0x0}.
   */
  public TransactionReceipt sendWithGasLimit(
      Address to, BigInteger value, String data, BigInteger gasLimit) {
    if (gasLimit == null || gasLimit.signum() <= 0) {
      throw new IllegalArgumentException("a gas limit must be positive: " + gasLimit);
    }
    return send(to, value, data, gasLimit);
  }

  private TransactionReceipt send(Address to, BigInteger value, String data, BigInteger gasLimit) {
    checkChainOnce();
    String from = credentials.getAddress();
    synchronized (ACCOUNT_LOCKS.computeIfAbsent(from.toLowerCase(), k -> new Object())) {
      String toHex = to == null ? null : to.toLowerHex();
      BigInteger nonce =
          call(
                  "eth_getTransactionCount",
                  web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING))
              .getTransactionCount();
      BigInteger gas =
          gasLimit != null
              ? gasLimit
              : withHeadroom(
                  call(
                          "eth_estimateGas",
                          web3j.ethEstimateGas(
                              new Transaction(from, null, null, null, toHex, value, data)))
                      .getAmountUsed());
      BigInteger tip =
          call("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas())
              .getMaxPriorityFeePerGas();
      EthBlock.Block latest =
          call(
                  "eth_getBlockByNumber",
                  web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
              .getBlock();
      BigInteger maxFee = latest.getBaseFeePerGas().shiftLeft(1).add(tip);
      RawTransaction tx =
          RawTransaction.createTransaction(
              chainId.value(), nonce, gas, toHex == null ? "" : toHex, value, data, tip, maxFee);
      String signed = Numeric.toHexString(TransactionEncoder.signMessage(tx, credentials));
      EthSendTransaction sent = call("eth_sendRawTransaction", web3j.ethSendRawTransaction(signed));
      return awaitReceipt(sent.getTransactionHash());
    }
  }

  private static BigInteger withHeadroom(BigInteger estimate) {
    return estimate
        .multiply(BigInteger.valueOf(100 + GAS_HEADROOM_PERCENT))
        .divide(BigInteger.valueOf(100));
  }

  private void checkChainOnce() {
    if (chainChecked) {
      return;
    }
    long actual = call("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
    if (actual != chainId.value()) {
      throw new TransactionException(
          "the node answers chain id " + actual + ", not the expected " + chainId.value());
    }
    chainChecked = true;
  }

  private TransactionReceipt awaitReceipt(String txHash) {
    long deadline = System.nanoTime() + receiptTimeout.toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      Optional<TransactionReceipt> receipt =
          call("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash))
              .getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TransactionException(
            "no receipt for " + txHash + " after " + receiptTimeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransactionException("interrupted while waiting for " + txHash, e);
      }
      pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
    }
  }

  private static <T extends Response<?>> T call(String method, Request<?, T> request) {
    try {
      T response = request.send();
      if (response.hasError()) {
        throw new TransactionException(method + " failed: " + response.getError().getMessage());
      }
      return response;
    } catch (IOException e) {
      throw new TransactionException(method + " failed: " + e.getMessage(), e);
    }
  }
}
