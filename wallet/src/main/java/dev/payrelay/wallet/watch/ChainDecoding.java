package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.contract.MalformedEventException;
import dev.payrelay.wallet.contract.ReferenceTransfer;
import dev.payrelay.wallet.contract.TransferWithReferenceEvents;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;

/** Turns web3j blocks and logs into the core's {@link BlockHeader}s and {@link Candidate}s. */
final class ChainDecoding {

  /** keccak256 of {@code Transfer(address,address,uint256)}, the ERC-20 transfer event. */
  static final String ERC20_TRANSFER_TOPIC =
      "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  private static final Logger LOG = LoggerFactory.getLogger(ChainDecoding.class);
  private static final int WORD_BYTES = 32;
  private static final int ERC20_TRANSFER_TOPICS = 3;

  private ChainDecoding() {}

  static BlockHeader header(EthBlock.Block block) {
    return new BlockHeader(
        new Checkpoint(block.getNumber().longValueExact(), block.getHash()),
        blockHash(block.getParentHash()));
  }

  /** Plain ETH transactions with a value and a recipient, in block order. */
  static List<Candidate> nativeTransfers(EthBlock.Block block) {
    Checkpoint at = header(block).block();
    List<Candidate> out = new ArrayList<>();
    for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
      if (result instanceof EthBlock.TransactionObject tx
          && tx.getTo() != null
          && tx.getValue() != null
          && tx.getValue().signum() > 0) {
        out.add(
            new Candidate.Direct(
                TxHash.parse(tx.getHash()),
                Transfer.NATIVE_VALUE,
                at.number(),
                at.hash(),
                null,
                Address.parse(tx.getTo()),
                tx.getValue()));
      }
    }
    return out;
  }

  /** A trusted proxy's event; empty (and a warning) if the log is malformed. */
  static Optional<Candidate> proxyPayment(Log log) {
    try {
      ReferenceTransfer t = TransferWithReferenceEvents.decode(log);
      return Optional.of(
          new Candidate.ViaProxy(
              t.tx(),
              t.logIndex(),
              t.blockNumber(),
              t.blockHash(),
              t.tokenOrNullForEth(),
              t.to(),
              t.amount(),
              Hex.encode(t.referenceTopicHash())));
    } catch (MalformedEventException e) {
      LOG.warn(
          "skipping a malformed proxy event in tx {}: {}",
          log.getTransactionHash(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * An ERC-20 {@code Transfer(from, to, value)}; empty for an ERC-721 transfer (same topic0, four
   * topics) and, with a warning, for a malformed log.
   */
  static Optional<Candidate> tokenTransfer(Log log) {
    List<String> topics = log.getTopics();
    if (topics == null || topics.size() != ERC20_TRANSFER_TOPICS) {
      return Optional.empty();
    }
    try {
      byte[] to = Hex.decode(topics.get(2), WORD_BYTES, "the recipient topic");
      byte[] value = Hex.decode(log.getData(), WORD_BYTES, "the transferred value");
      if (!isZero(Arrays.copyOf(to, WORD_BYTES - Address.LENGTH))) {
        throw new InvalidValueException("the recipient topic is not an address");
      }
      return Optional.of(
          new Candidate.Direct(
              TxHash.parse(log.getTransactionHash()),
              log.getLogIndex().longValueExact(),
              log.getBlockNumber().longValueExact(),
              blockHash(log.getBlockHash()),
              Address.parse(log.getAddress()),
              Address.of(Arrays.copyOfRange(to, WORD_BYTES - Address.LENGTH, WORD_BYTES)),
              new BigInteger(1, value)));
    } catch (InvalidValueException | ArithmeticException | NullPointerException e) {
      LOG.warn(
          "skipping a malformed ERC-20 Transfer in tx {}: {}",
          log.getTransactionHash(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code text} as a lower-case 32-byte hash. */
  static String blockHash(String text) {
    return Hex.encode(Hex.decode(text, WORD_BYTES, "a block hash"));
  }

  private static boolean isZero(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
