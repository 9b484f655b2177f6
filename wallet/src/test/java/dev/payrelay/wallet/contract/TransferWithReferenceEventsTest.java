package dev.payrelay.wallet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TxHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The event decoder on logs built by hand: both shapes, and every way a log can be malformed. */
class TransferWithReferenceEventsTest {

  // Request Network's EthereumFeeProxy 0.2.0 on mainnet, and arbitrary payees.
  private static final String ETHEREUM_FEE_PROXY = "0xfcfbcfc4f5a421089e3df45455f7f4985fe2d6a8";
  private static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";
  private static final String MERCHANT = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
  private static final String FEE_COLLECTOR = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";
  private static final String REFERENCE_TOPIC = Hash.sha3("0x494e56332d32343001");
  private static final String TX = "0x" + "ab".repeat(32);
  private static final String BLOCK_HASH = "0x" + "cd".repeat(32);

  @Test
  void topicsAreTheKeccakOfTheEventSignatures() {
    assertThat(Hash.sha3String(TransferWithReferenceEvents.SIGNATURE_WITH_TOKEN))
        .isEqualTo(TransferWithReferenceEvents.TOPIC_WITH_TOKEN);
    assertThat(Hash.sha3String(TransferWithReferenceEvents.SIGNATURE_ETHEREUM_FEE_PROXY))
        .isEqualTo(TransferWithReferenceEvents.TOPIC_ETHEREUM_FEE_PROXY);
  }

  @Test
  void ourProxyDeclaresTheSixArgumentEvent() {
    assertThat(FeeProxyContract.artifact().eventSignatures())
        .containsExactly(TransferWithReferenceEvents.SIGNATURE_WITH_TOKEN);
  }

  @Test
  void decodesAnEthereumFeeProxyLogWithoutTokenAddress() {
    Log log =
        log(
            ETHEREUM_FEE_PROXY,
            List.of(TransferWithReferenceEvents.TOPIC_ETHEREUM_FEE_PROXY, REFERENCE_TOPIC),
            word(MERCHANT)
                + word(9_000_000_000_000_000_000L)
                + word(1_000_000_000_000_000_000L)
                + word(FEE_COLLECTOR));

    ReferenceTransfer event = TransferWithReferenceEvents.decode(log);

    assertThat(event)
        .isEqualTo(
            new ReferenceTransfer(
                Address.parse(ETHEREUM_FEE_PROXY),
                null,
                Address.parse(MERCHANT),
                new BigInteger("9000000000000000000"),
                Hash.sha3(org.web3j.utils.Numeric.hexStringToByteArray("0x494e56332d32343001")),
                new BigInteger("1000000000000000000"),
                Address.parse(FEE_COLLECTOR),
                TxHash.parse(TX),
                7,
                0x1234,
                BLOCK_HASH));
    assertThat(event.isEther()).isTrue();
  }

  @Test
  void decodesAnErc20FeeProxyLogWithItsToken() {
    Log log = sixArgumentLog(word(USDC));

    ReferenceTransfer event = TransferWithReferenceEvents.decode(log);

    assertThat(event.tokenOrNullForEth()).isEqualTo(Address.parse(USDC));
    assertThat(event.to()).isEqualTo(Address.parse(MERCHANT));
    assertThat(event.amount()).isEqualTo(BigInteger.valueOf(19_990_000));
    assertThat(event.feeAmount()).isEqualTo(BigInteger.valueOf(100_000));
    assertThat(event.feeAddress()).isEqualTo(Address.parse(FEE_COLLECTOR));
  }

  @Test
  void readsTheZeroTokenAddressAsEther() {
    assertThat(
            TransferWithReferenceEvents.decode(sixArgumentLog(word(Address.ZERO.toLowerHex())))
                .isEther())
        .isTrue();
  }

  @Test
  void decodesTheLargestUint256() {
    String max = "f".repeat(64);
    Log log =
        log(
            ETHEREUM_FEE_PROXY,
            List.of(TransferWithReferenceEvents.TOPIC_ETHEREUM_FEE_PROXY, REFERENCE_TOPIC),
            word(MERCHANT) + max + max + word(FEE_COLLECTOR));

    assertThat(TransferWithReferenceEvents.decode(log).amount())
        .isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void rejectsAWrongNumberOfTopics(int topicCount) {
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < topicCount; i++) {
      topics.add(i == 0 ? TransferWithReferenceEvents.TOPIC_WITH_TOKEN : REFERENCE_TOPIC);
    }
    Log log =
        log(USDC, topics, word(USDC) + word(MERCHANT) + word(1) + word(0) + word(FEE_COLLECTOR));

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("topics");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 128, 159, 161, 192})
  void rejectsDataOfTheWrongLength(int bytes) {
    Log log =
        log(
            USDC,
            List.of(TransferWithReferenceEvents.TOPIC_WITH_TOKEN, REFERENCE_TOPIC),
            "00".repeat(bytes));

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("160 bytes of data")
        .hasMessageContaining("the log has " + bytes);
  }

  @Test
  void rejectsTheSixArgumentDataUnderTheFiveArgumentTopic() {
    Log log = sixArgumentLog(word(USDC));
    log.setTopics(List.of(TransferWithReferenceEvents.TOPIC_ETHEREUM_FEE_PROXY, REFERENCE_TOPIC));

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("128 bytes");
  }

  @Test
  void rejectsAnAddressWordWithHighBitsSet() {
    Log log = sixArgumentLog("01" + word(USDC).substring(2));

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("tokenAddress");
  }

  @Test
  void rejectsAnotherEvent() {
    Log log = sixArgumentLog(word(USDC));
    log.setTopics(List.of(Hash.sha3String("Transfer(address,address,uint256)"), REFERENCE_TOPIC));

    assertThat(TransferWithReferenceEvents.isReferenceTransfer(log)).isFalse();
    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("is not a TransferWithReferenceAndFee event");
  }

  @Test
  void rejectsAPendingLog() {
    Log log = sixArgumentLog(word(USDC));
    log.setBlockHash(null);

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("pending");
  }

  @Test
  void rejectsDataThatIsNotHex() {
    Log log = sixArgumentLog(word(USDC));
    log.setData("0x" + "zz".repeat(160));

    assertThatThrownBy(() -> TransferWithReferenceEvents.decode(log))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("not a hex digit");
  }

  @Test
  void readsOnlyTheNamedProxysLogsFromAReceipt() {
    Log ours = sixArgumentLog(word(USDC));
    Log impostor = sixArgumentLog(word(USDC));
    impostor.setAddress(MERCHANT);
    Log otherEvent = sixArgumentLog(word(USDC));
    otherEvent.setTopics(List.of(Hash.sha3String("Transfer(address,address,uint256)")));
    TransactionReceipt receipt = new TransactionReceipt();
    receipt.setLogs(List.of(impostor, otherEvent, ours));

    assertThat(TransferWithReferenceEvents.fromReceipt(receipt, Address.parse(USDC)))
        .containsExactly(TransferWithReferenceEvents.decode(ours));
  }

  private static Log sixArgumentLog(String tokenWord) {
    return log(
        USDC,
        List.of(TransferWithReferenceEvents.TOPIC_WITH_TOKEN, REFERENCE_TOPIC),
        tokenWord + word(MERCHANT) + word(19_990_000) + word(100_000) + word(FEE_COLLECTOR));
  }

  private static Log log(String address, List<String> topics, String dataWithoutPrefix) {
    return new Log(
        false,
        "0x7",
        "0x0",
        TX,
        BLOCK_HASH,
        "0x1234",
        address,
        "0x" + dataWithoutPrefix,
        null,
        topics);
  }

  private static String word(String address) {
    return "0".repeat(24) + address.substring(2);
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }
}
