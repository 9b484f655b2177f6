package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TxHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Decodes the {@code TransferWithReferenceAndFee} events of payment proxies, in both shapes found
 * on public chains:
 *
 * <ul>
 *   <li>{@link #SIGNATURE_WITH_TOKEN}: Request Network's ERC20FeeProxy and PayRelay's own proxy
 *       (which emits it for ETH too, with {@code tokenAddress = address(0)});
 *   <li>{@link #SIGNATURE_ETHEREUM_FEE_PROXY}: Request Network's EthereumFeeProxy (0.1.0 and 0.2.0
 *       share this ABI), ETH only, without the {@code tokenAddress}.
 * </ul>
 *
 * <p>In both, {@code bytes indexed paymentReference} makes topic 1 the keccak256 of the reference
 * bytes (the reference itself is not in the log), and the other arguments are five or four static
 * ABI words in the data. A log with one of these topic0 values but another shape is rejected with a
 * {@link MalformedEventException}, never decoded partially.
 */
public final class TransferWithReferenceEvents {

  /** The event of ERC20FeeProxy and of PayRelay's proxy. */
  public static final String SIGNATURE_WITH_TOKEN =
      "TransferWithReferenceAndFee(address,address,uint256,bytes,uint256,address)";

  /** The event of Request Network's EthereumFeeProxy (ETH payments, no token address). */
  public static final String SIGNATURE_ETHEREUM_FEE_PROXY =
      "TransferWithReferenceAndFee(address,uint256,bytes,uint256,address)";

  /** keccak256 of {@link #SIGNATURE_WITH_TOKEN}: the topic0 to filter logs by. */
  public static final String TOPIC_WITH_TOKEN =
      "0x9f16cbcc523c67a60c450e5ffe4f3b7b6dbe772e7abcadb2686ce029a9a0a2b6";

  /** keccak256 of {@link #SIGNATURE_ETHEREUM_FEE_PROXY}: the topic0 to filter logs by. */
  public static final String TOPIC_ETHEREUM_FEE_PROXY =
      "0xa1c241e337c4610a9d0f881111e977e9dc8690c85fe2108897bb1483c66e6a96";

  /** Both topic0 values, for one {@code eth_getLogs} filter ({@code topics: [[a, b]]}). */
  public static final List<String> TOPICS = List.of(TOPIC_WITH_TOKEN, TOPIC_ETHEREUM_FEE_PROXY);

  private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-fA-F][0-9a-fA-F]{0,15})");
  private static final int WORD_BYTES = 32;
  private static final int TOPIC_COUNT = 2;
  private static final int WORDS_WITH_TOKEN = 5;
  private static final int WORDS_ETHEREUM_FEE_PROXY = 4;

  private TransferWithReferenceEvents() {}

  /** Whether {@code log}'s topic0 is one of {@link #TOPICS} (it may still be malformed). */
  public static boolean isReferenceTransfer(Log log) {
    List<String> topics = log.getTopics();
    return topics != null
        && !topics.isEmpty()
        && topics.get(0) != null
        && TOPICS.contains(topics.get(0).toLowerCase(Locale.ROOT));
  }

  /**
   * The events in {@code receipt} emitted by {@code proxy}, in log order; logs of other contracts
   * and other events are skipped.
   *
   * @throws MalformedEventException if a log of {@code proxy} with a known topic0 is malformed
   */
  public static List<ReferenceTransfer> fromReceipt(TransactionReceipt receipt, Address proxy) {
    List<ReferenceTransfer> out = new ArrayList<>();
    for (Log log : receipt.getLogs()) {
      if (isReferenceTransfer(log) && proxy.toLowerHex().equalsIgnoreCase(log.getAddress())) {
        out.add(decode(log));
      }
    }
    return out;
  }

  /**
   * Decodes one log of either shape.
   *
   * @throws MalformedEventException if its topic0 is not one of {@link #TOPICS}, it has not exactly
   *     two topics, its data is not exactly the event's words, an address word has bits above 160,
   *     or it lacks its block, transaction or index (a pending log)
   */
  public static ReferenceTransfer decode(Log log) {
    if (log == null) {
      throw new MalformedEventException("no log to decode");
    }
    List<String> topics = log.getTopics() == null ? List.of() : log.getTopics();
    if (topics.isEmpty()) {
      throw new MalformedEventException(
          "the log has no topics, so it is not " + SIGNATURE_WITH_TOKEN);
    }
    String topic0 = lower(topics.get(0));
    boolean withToken = TOPIC_WITH_TOKEN.equals(topic0);
    if (!withToken && !TOPIC_ETHEREUM_FEE_PROXY.equals(topic0)) {
      throw new MalformedEventException(
          "topic0 " + topic0 + " is not a TransferWithReferenceAndFee event");
    }
    String signature = withToken ? SIGNATURE_WITH_TOKEN : SIGNATURE_ETHEREUM_FEE_PROXY;
    if (topics.size() != TOPIC_COUNT) {
      throw new MalformedEventException(
          signature
              + " has "
              + TOPIC_COUNT
              + " topics (signature, keccak256 of the reference), the log has "
              + topics.size());
    }
    byte[] referenceTopic = decodeHex(topics.get(1), WORD_BYTES, "the reference topic");
    int words = withToken ? WORDS_WITH_TOKEN : WORDS_ETHEREUM_FEE_PROXY;
    byte[] data = decodeHex(log.getData(), -1, "the log data");
    if (data.length != words * WORD_BYTES) {
      throw new MalformedEventException(
          signature
              + " has "
              + words * WORD_BYTES
              + " bytes of data ("
              + words
              + " words), the log has "
              + data.length);
    }
    int w = 0;
    Address token = null;
    if (withToken) {
      Address tokenAddress = addressWord(data, w++, "tokenAddress");
      token = tokenAddress.isZero() ? null : tokenAddress;
    }
    Address to = addressWord(data, w++, "to");
    BigInteger amount = uintWord(data, w++);
    BigInteger feeAmount = uintWord(data, w++);
    Address feeAddress = addressWord(data, w, "feeAddress");

    return new ReferenceTransfer(
        parseAddress(log.getAddress()),
        token,
        to,
        amount,
        referenceTopic,
        feeAmount,
        feeAddress,
        TxHash.of(decodeHex(log.getTransactionHash(), TxHash.LENGTH, "the log's transaction hash")),
        quantity(log.getLogIndexRaw(), "log index"),
        quantity(log.getBlockNumberRaw(), "block number"),
        Hex.encode(decodeHex(log.getBlockHash(), WORD_BYTES, "the log's block hash")));
  }

  private static Address addressWord(byte[] data, int word, String name) {
    int start = word * WORD_BYTES;
    for (int i = start; i < start + WORD_BYTES - Address.LENGTH; i++) {
      if (data[i] != 0) {
        throw new MalformedEventException(
            "data word " + word + " (" + name + ") is not an ABI-encoded address: high bytes set");
      }
    }
    return Address.of(
        Arrays.copyOfRange(data, start + WORD_BYTES - Address.LENGTH, start + WORD_BYTES));
  }

  private static BigInteger uintWord(byte[] data, int word) {
    return new BigInteger(1, Arrays.copyOfRange(data, word * WORD_BYTES, (word + 1) * WORD_BYTES));
  }

  private static Address parseAddress(String text) {
    try {
      return Address.parse(text);
    } catch (InvalidValueException e) {
      throw new MalformedEventException("the log's contract address: " + e.getMessage());
    }
  }

  private static byte[] decodeHex(String text, int length, String what) {
    if (text == null) {
      throw new MalformedEventException(what + " is missing (a pending log?)");
    }
    try {
      return length < 0 ? Hex.decode(text, what) : Hex.decode(text, length, what);
    } catch (InvalidValueException e) {
      throw new MalformedEventException(e.getMessage());
    }
  }

  private static long quantity(String text, String what) {
    if (text == null) {
      throw new MalformedEventException("the log's " + what + " is missing (a pending log?)");
    }
    if (!QUANTITY.matcher(text).matches()) {
      throw new MalformedEventException(
          "the log's " + what + " is not a JSON-RPC quantity: " + text);
    }
    long value = Long.parseUnsignedLong(text.substring(2), 16);
    if (value < 0) {
      throw new MalformedEventException("the log's " + what + " is out of range: " + text);
    }
    return value;
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
