package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.settlement.message.Verdict;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Other nodes check a home node's receipt themselves: its signature, and every transfer it lists
 * against the chain (anvil). A receipt the chain contradicts is disputed, not attested.
 */
class ReceiptVerificationOnDevChainTest {
  final DevChainPayer chain = DevChainPayer.shared();
  final InMemoryNetwork network = new InMemoryNetwork();
  final SettlementConfig config = SettlementConfig.of("devnet");
  final TestNode b = new TestNode(network, chain.verifier(), config, Clock.systemUTC());
  final TestNode c = new TestNode(network, chain.verifier(), config, Clock.systemUTC());
  final NodeIdentity rogueHome = NodeIdentity.ephemeral();
  final InvoiceRef invoice = new InvoiceRef(rogueHome.peerId(), UUID.randomUUID());

  @Test
  void disputesAndRejectsASignedReceiptThatTheChainContradicts() {
    TransferClaim paid =
        chain.pay(
            DevChainPayer.freshReference(),
            DevChainPayer.freshAddress(),
            BigInteger.valueOf(1_000));
    TransferClaim inflated =
        new TransferClaim(
            paid.chain(),
            paid.tx(),
            paid.logIndex(),
            paid.asset(),
            paid.route(),
            BigInteger.valueOf(1_000_000));
    SettlementReceipt lie = receipt(List.of(inflated));

    network
        .inject(rogueHome.peerId(), config.receiptsTopic(), SettlementMessages.encode(lie))
        .block(TestNode.BOUND);

    assertThat(network.deliveriesFrom(rogueHome.peerId()))
        .extracting(InMemoryNetwork.Delivery::result)
        .containsExactly(ValidationResult.REJECT, ValidationResult.REJECT);
    ReceiptView onB = b.receipt(invoice).orElseThrow();
    assertThat(onB.acceptance()).isEqualTo(ReceiptView.Acceptance.DISPUTED_HERE);
    assertThat(onB.attestations())
        .extracting(Attestation::attester, Attestation::verdict)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(b.id(), Verdict.DISPUTED),
            org.assertj.core.groups.Tuple.tuple(c.id(), Verdict.DISPUTED));
  }

  @Test
  void attestsATrueReceiptOfAnotherHome() {
    TransferClaim paid =
        chain.pay(
            DevChainPayer.freshReference(),
            DevChainPayer.freshAddress(),
            BigInteger.valueOf(2_000));

    network
        .inject(
            rogueHome.peerId(),
            config.receiptsTopic(),
            SettlementMessages.encode(receipt(List.of(paid))))
        .block(TestNode.BOUND);

    assertThat(c.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.VERIFIED_HERE);
    assertThat(c.receipt(invoice).orElseThrow().attestations()).hasSize(2);
  }

  @Test
  void rejectsAReceiptNotSignedByTheInvoicesHomeAndMessagesOnTheWrongTopic() {
    TransferClaim paid =
        chain.pay(
            DevChainPayer.freshReference(),
            DevChainPayer.freshAddress(),
            BigInteger.valueOf(3_000));
    NodeIdentity impostor = NodeIdentity.ephemeral();
    SettlementReceipt byImpostor =
        SettlementReceipt.sign(
            impostor.keyPair(),
            new InvoiceRef(impostor.peerId(), invoice.invoiceId()),
            new byte[32],
            List.of(paid),
            ReceiptStatus.PAID,
            Instant.now());
    SettlementReceipt forgedForHome =
        new SettlementReceipt(
            invoice,
            byImpostor.invoiceDigest(),
            byImpostor.transfers(),
            byImpostor.status(),
            byImpostor.issuedAt(),
            byImpostor.signature());

    network
        .inject(impostor.peerId(), config.receiptsTopic(), SettlementMessages.encode(forgedForHome))
        .block(TestNode.BOUND);
    network
        .inject(
            impostor.peerId(),
            config.receiptsTopic(),
            SettlementMessages.encode(new PaymentProofMessage(invoice, paid)))
        .block(TestNode.BOUND);
    network
        .inject(
            impostor.peerId(),
            config.proofsTopic(),
            SettlementMessages.encode(receipt(List.of(paid))))
        .block(TestNode.BOUND);

    assertThat(network.deliveriesFrom(impostor.peerId()))
        .hasSize(6)
        .allSatisfy(d -> assertThat(d.result()).isEqualTo(ValidationResult.REJECT));
    assertThat(b.receipt(invoice)).isEmpty();
  }

  private SettlementReceipt receipt(List<TransferClaim> transfers) {
    return SettlementReceipt.sign(
        rogueHome.keyPair(), invoice, new byte[32], transfers, ReceiptStatus.PAID, Instant.now());
  }
}
