package dev.payrelay.wallet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.contract.TransferWithReferenceEvents;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.Hex;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.EthRpc.ProofFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The pure matching rules, on receipts no honest node would serve. */
class ReceiptMatcherTest {

  private static final ChainId CHAIN = ChainId.of(1337);
  private static final TxHash TX = TxHash.of(new byte[32]);
  private static final String BLOCK_HASH = "0x" + "ab".repeat(32);
  private static final Address PROXY = Address.parse("0x" + "11".repeat(20));
  private static final Address MERCHANT = Address.parse("0x" + "22".repeat(20));
  private static final byte[] REFERENCE_TOPIC = Hash.sha3(new byte[16]);
  private static final Expectation BY_REFERENCE =
      new Expectation(
          "invoice-1", Asset.ether(CHAIN), new PaymentRoute.ByReference(MERCHANT, REFERENCE_TOPIC));

  @Test
  void theErc20TransferTopicIsTheKeccakOfItsSignature() {
    assertThat(Erc20TransferLog.TOPIC)
        .isEqualTo(Hash.sha3String("Transfer(address,address,uint256)"));
  }

  @Test
  void aTransactionKnownButNotMinedIsUnknownAndSaysSo() {
    ProofFacts facts =
        new ProofFacts(Optional.empty(), Optional.of(new Transaction()), 10, Optional.of(5L));

    assertThat(match(facts))
        .isEqualTo(
            ProofMatch.refused(
                RejectionReason.UNKNOWN_TRANSACTION,
                "transaction " + TX + " is known but not mined yet; submit it again later"));
  }

  @Test
  void aReceiptWithMoreLogsThanTheBoundIsRefusedBeforeDecoding() {
    List<Log> logs =
        new ArrayList<>(Collections.nCopies(ReceiptMatcher.MAX_LOGS_PER_RECEIPT + 1, new Log()));

    assertThat(match(facts(receipt("0x1", logs))))
        .isInstanceOfSatisfying(
            ProofMatch.Refused.class,
            r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.TOO_LARGE));
    assertThat(match(facts(receipt("0x1", logs.subList(0, ReceiptMatcher.MAX_LOGS_PER_RECEIPT)))))
        .isInstanceOfSatisfying(
            ProofMatch.Refused.class,
            r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.NO_MATCHING_EVENT));
  }

  @Test
  void aReceiptWithoutStatusProvesNothing() {
    assertThat(match(facts(receipt(null, List.of()))))
        .isInstanceOfSatisfying(
            ProofMatch.Refused.class,
            r -> assertThat(r.rejection().reason()).isEqualTo(RejectionReason.REVERTED));
  }

  @Test
  void aMalformedEventOfATrustedProxyIsIgnoredNotDecodedPartially() {
    Log truncated =
        log(
            PROXY,
            List.of(TransferWithReferenceEvents.TOPIC_WITH_TOKEN, Hex.encode(REFERENCE_TOPIC)),
            "0x" + "00".repeat(64));

    assertThat(match(facts(receipt("0x1", List.of(truncated)))))
        .isInstanceOfSatisfying(
            ProofMatch.Refused.class,
            r -> {
              assertThat(r.rejection().reason()).isEqualTo(RejectionReason.NO_MATCHING_EVENT);
              assertThat(r.rejection().detail()).contains("1 malformed were ignored");
            });
  }

  @Test
  void anErc721TransferIsNotReadAsAnErc20One() {
    String to = "0x" + "00".repeat(12) + "22".repeat(20);
    Log nft =
        log(
            PROXY,
            List.of(
                Erc20TransferLog.TOPIC, "0x" + "00".repeat(32), to, "0x" + "00".repeat(31) + "07"),
            "0x");
    Log erc20 =
        log(
            PROXY,
            List.of(Erc20TransferLog.TOPIC, "0x" + "00".repeat(32), to),
            "0x" + "00".repeat(31) + "07");

    assertThat(Erc20TransferLog.decode(nft)).isEmpty();
    assertThat(Erc20TransferLog.decode(erc20))
        .hasValueSatisfying(t -> assertThat(t.to()).isEqualTo(MERCHANT));
  }

  private static ProofMatch match(ProofFacts facts) {
    return ReceiptMatcher.match(PaymentProof.of(CHAIN, TX), BY_REFERENCE, facts, Set.of(PROXY));
  }

  private static ProofFacts facts(TransactionReceipt receipt) {
    return new ProofFacts(
        Optional.of(receipt), Optional.of(new Transaction()), 10, Optional.empty());
  }

  private static TransactionReceipt receipt(String status, List<Log> logs) {
    TransactionReceipt receipt = new TransactionReceipt();
    receipt.setTransactionHash(TX.toString());
    receipt.setBlockHash(BLOCK_HASH);
    receipt.setBlockNumber("0x5");
    receipt.setStatus(status);
    receipt.setLogs(logs);
    return receipt;
  }

  private static Log log(Address address, List<String> topics, String data) {
    return new Log(
        false,
        "0x0",
        "0x0",
        TX.toString(),
        BLOCK_HASH,
        "0x5",
        address.toLowerHex(),
        data,
        null,
        topics);
  }
}
