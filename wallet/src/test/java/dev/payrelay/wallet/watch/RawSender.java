package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.testing.DevAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

/**
 * Signs transactions locally with fixed gas and counts nonces itself, so that many can be sent
 * without waiting for receipts (to fill blocks while automine is off) or kept raw (to re-mine them
 * in an {@code anvil_reorg}).
 */
final class RawSender {

  static final BigInteger GAS_LIMIT = BigInteger.valueOf(200_000);
  private static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L);
  private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

  private final Web3j web3j;
  private final DevAccount account;
  private final ChainId chain;
  private BigInteger nonce;

  RawSender(Web3j web3j, DevAccount account, ChainId chain) {
    this.web3j = web3j;
    this.account = account;
    this.chain = chain;
    try {
      this.nonce =
          web3j
              .ethGetTransactionCount(account.address(), DefaultBlockParameterName.PENDING)
              .send()
              .getTransactionCount();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The signed transaction, {@code 0x…}, using the next nonce; not sent. */
  synchronized String sign(Address to, BigInteger value, String data) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chain.value(), nonce, GAS_LIMIT, to.toLowerHex(), value, data, TIP, MAX_FEE);
    nonce = nonce.add(BigInteger.ONE);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, account.credentials()));
  }

  /** Sends a signed transaction; returns its hash without waiting for it to be mined. */
  String send(String signed) {
    try {
      EthSendTransaction sent = web3j.ethSendRawTransaction(signed).send();
      if (sent.hasError()) {
        throw new IllegalStateException(
            "anvil refused a transaction: " + sent.getError().getMessage());
      }
      return sent.getTransactionHash();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
