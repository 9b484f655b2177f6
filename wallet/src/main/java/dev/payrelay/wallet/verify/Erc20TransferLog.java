package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.InvalidValueException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;

/**
 * An ERC-20 {@code Transfer(address indexed from, address indexed to, uint256 value)} log (<a
 * href="https://eips.ethereum.org/EIPS/eip-20">EIP-20</a>). ERC-721's {@code Transfer} has the same
 * topic0 but a fourth topic, so it is not read as one.
 *
 * @param token the contract that emitted the log
 * @param logIndex the log's index in its block
 */
record Erc20TransferLog(Address token, Address from, Address to, BigInteger value, long logIndex) {

  /** keccak256 of {@code Transfer(address,address,uint256)}. */
  static final String TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

  private static final int WORD = 32;

  /** The transfer {@code log} records, if it is an ERC-20 Transfer in the standard shape. */
  static Optional<Erc20TransferLog> decode(Log log) {
    List<String> topics = log.getTopics();
    if (topics == null
        || topics.size() != 3
        || topics.get(0) == null
        || !TOPIC.equals(topics.get(0).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    try {
      Optional<Address> from = addressTopic(topics.get(1));
      Optional<Address> to = addressTopic(topics.get(2));
      byte[] data = Hex.decode(log.getData(), WORD, "the value of a Transfer log");
      Optional<Long> index = ReceiptLogs.logIndex(log);
      if (from.isEmpty() || to.isEmpty() || index.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Erc20TransferLog(
              Address.parse(log.getAddress()),
              from.get(),
              to.get(),
              new BigInteger(1, data),
              index.get()));
    } catch (InvalidValueException e) {
      return Optional.empty(); // not a well-formed Transfer: it cannot pay anything
    }
  }

  private static Optional<Address> addressTopic(String topic) {
    byte[] word = Hex.decode(topic, WORD, "an address topic");
    for (int i = 0; i < WORD - Address.LENGTH; i++) {
      if (word[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(Address.of(Arrays.copyOfRange(word, WORD - Address.LENGTH, WORD)));
  }
}
