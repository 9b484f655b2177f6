package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.method.PaymentReference;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three engines (A the invoice's home, B, C) on an in-memory network, verifying real payments on
 * the dev chain (anvil) through the wallet's proof verifier.
 */
class SettlementOnDevChainTest {
  static final BigInteger HALF_ETHER = BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(5));

  final DevChainPayer chain = DevChainPayer.shared();
  final InMemoryNetwork network = new InMemoryNetwork();
  final SettlementConfig config = SettlementConfig.of("devnet");
  TestNode a;
  TestNode b;
  TestNode c;
  DevChainPayer.OpenInvoice open;
  InvoiceRef invoice;
  Address merchant;
  PaymentReference reference;

  @BeforeEach
  void threeNodesAndAnInvoiceOnA() {
    a = node();
    b = node();
    c = node();
    open = chain.openInvoice(a, HALF_ETHER);
    invoice = open.ref();
    merchant = open.merchant();
    reference = open.reference();
  }

  @Test
  void settlesAProofSubmittedAtCOnceAtHomeAndBAndCAttestTheReceipt() {
    PaymentProofMessage proof = paidProof();

    ProofOutcome outcome = c.engine.submit(proof).block(TestNode.BOUND);

    assertThat(outcome).isInstanceOf(ProofOutcome.Relayed.class);
    assertThat(a.ledger.applications).hasValue(1);
    ReceiptView onB = b.receipt(invoice).orElseThrow();
    assertThat(onB.acceptance()).isEqualTo(ReceiptView.Acceptance.VERIFIED_HERE);
    assertThat(onB.receipt().status()).isEqualTo(ReceiptStatus.PAID);
    assertThat(onB.receipt().transfers()).containsExactly(proof.transfer());
    assertThat(onB.receipt().hasValidSignature()).isTrue();
    assertThat(onB.attestations())
        .extracting(Attestation::attester)
        .containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(a.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.ISSUED_HERE);
    assertThat(a.receipt(invoice).orElseThrow().attestations()).hasSize(2);
    assertThat(network.penalties).isEmpty();
  }

  @Test
  void settlesOnceWithOneReceiptWhenTheSameProofArrives100TimesThroughDifferentNodes() {
    PaymentProofMessage proof = paidProof();
    byte[] envelope = SettlementMessages.encode(proof);
    List<TestNode> nodes = List.of(a, b, c);

    for (int i = 0; i < 100; i++) {
      TestNode via = nodes.get(i % 3);
      if (i % 2 == 0) {
        via.engine.submit(proof).block(TestNode.BOUND);
      } else {
        network.inject(via.id(), config.proofsTopic(), envelope).block(TestNode.BOUND);
      }
    }

    assertThat(a.ledger.applications).hasValue(1);
    assertThat(a.ledger.appliedCount(invoice.invoiceId())).isEqualTo(1);
    for (TestNode node : nodes) {
      assertThat(receiptsIn(node)).as("receipts stored").hasSize(1);
    }
    assertThat(b.receipt(invoice).orElseThrow().attestations()).hasSize(2);
    assertThat(network.penalties).isEmpty();
  }

  @Test
  void settlesOnceWithOneReceiptWhenProofsOfOneTransferRaceThroughAllNodes() {
    PaymentProofMessage withLog = paidProof();
    TransferClaim claim = withLog.transfer();
    PaymentProofMessage withoutLog =
        new PaymentProofMessage(
            invoice,
            new TransferClaim(
                claim.chain(),
                claim.tx(),
                java.util.OptionalLong.empty(),
                claim.asset(),
                claim.route(),
                claim.amount()));
    List<TestNode> nodes = List.of(a, b, c);

    reactor.core.publisher.Flux.range(0, 60)
        .flatMap(
            i ->
                nodes
                    .get(i % 3)
                    .engine
                    .submit(i % 2 == 0 ? withLog : withoutLog)
                    .subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
            16)
        .blockLast(TestNode.BOUND);

    assertThat(a.ledger.applications).hasValue(1);
    assertThat(receiptsIn(a)).hasSize(1);
    assertThat(b.receipt(invoice).orElseThrow().attestations()).hasSize(2);
  }

  @Test
  void rejectsForgedProofsEverywhereAppliesNothingAndPenalizesTheSender() {
    PeerId forger = node().id();
    TransferClaim real = chain.pay(reference, merchant, HALF_ETHER);
    TransferClaim wrongAmount = withAmount(real, HALF_ETHER.add(BigInteger.ONE));
    TransferClaim othersPaidToUs =
        lyingAbout(
            chain.pay(DevChainPayer.freshReference(), DevChainPayer.freshAddress(), HALF_ETHER),
            real);
    TransferClaim unknownTx =
        new TransferClaim(
            real.chain(),
            dev.payrelay.wallet.core.TxHash.of(new byte[32]),
            real.logIndex(),
            real.asset(),
            real.route(),
            real.amount());

    for (TransferClaim forged : List.of(wrongAmount, othersPaidToUs, unknownTx)) {
      network
          .inject(
              forger,
              config.proofsTopic(),
              SettlementMessages.encode(new PaymentProofMessage(invoice, forged)))
          .block(TestNode.BOUND);
    }
    network
        .inject(forger, config.proofsTopic(), new byte[] {0x08, 0x01, 0x12, 0x7f})
        .block(TestNode.BOUND);

    assertThat(a.ledger.applications).hasValue(0);
    assertThat(receiptsIn(a)).isEmpty();
    assertThat(network.deliveriesFrom(forger))
        .hasSize(4 * 3)
        .allSatisfy(d -> assertThat(d.result()).isEqualTo(ValidationResult.REJECT));
    assertThat(network.penaltiesOf(forger)).hasSize(4 * 3);
    assertThat(b.store.all()).isEmpty();
  }

  @Test
  void aNodeThatMeetsAReceiptAgainAfterARestartDoesNotAttestItTwice() {
    c.engine.submit(paidProof()).block(TestNode.BOUND);
    // B restarts: the same key and store, nothing in memory; sync replays A's receipt to it.
    SettlementEngine restarted =
        new SettlementEngine(
            b.identity,
            config,
            b.ledger,
            network.join(b.id()),
            b.store,
            chain.verifier(),
            java.time.Clock.systemUTC());
    restarted.start();

    restarted.catchUp(a.id()).block(TestNode.BOUND);

    assertThat(b.store.all())
        .filteredOn(m -> m instanceof Attestation && ((Attestation) m).attester().equals(b.id()))
        .hasSize(1);
    assertThat(restarted.receipt(invoice).block(TestNode.BOUND).orElseThrow().attestations())
        .extracting(Attestation::attester)
        .containsExactlyInAnyOrder(b.id(), c.id());
  }

  @Test
  void aForgedVariantOfATransferDoesNotShadowItsTrueProof() {
    TransferClaim real = chain.pay(reference, merchant, HALF_ETHER);
    PaymentProofMessage forged =
        new PaymentProofMessage(invoice, withAmount(real, HALF_ETHER.add(BigInteger.ONE)));

    // Everywhere first: to the node the buyer uses, and over gossip to every node.
    assertThat(c.engine.submit(forged).block(TestNode.BOUND))
        .isInstanceOf(ProofOutcome.Rejected.class);
    network
        .inject(node().id(), config.proofsTopic(), SettlementMessages.encode(forged))
        .block(TestNode.BOUND);
    ProofOutcome truth =
        c.engine.submit(new PaymentProofMessage(invoice, real)).block(TestNode.BOUND);

    assertThat(truth).isInstanceOf(ProofOutcome.Relayed.class);
    assertThat(a.ledger.applications).hasValue(1);
    assertThat(c.engine.submit(forged).block(TestNode.BOUND))
        .as("the forgery again: seen, nothing more")
        .isInstanceOf(ProofOutcome.Duplicate.class);
  }

  @Test
  void refusesAtHomeAnotherInvoicesTransferThatOnlyTheHomeCanTellApart() {
    PeerId forger = node().id();
    TransferClaim othersPayment =
        chain.pay(DevChainPayer.freshReference(), DevChainPayer.freshAddress(), HALF_ETHER);

    network
        .inject(
            forger,
            config.proofsTopic(),
            SettlementMessages.encode(new PaymentProofMessage(invoice, othersPayment)))
        .block(TestNode.BOUND);

    assertThat(a.ledger.applications).hasValue(0);
    // B and C see a true transfer and relay it; A knows it is not this invoice's and refuses it,
    // penalizing the publisher, not the relays.
    assertThat(network.deliveriesFrom(forger))
        .extracting(InMemoryNetwork.Delivery::validator, InMemoryNetwork.Delivery::result)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(a.id(), ValidationResult.IGNORE),
            org.assertj.core.groups.Tuple.tuple(b.id(), ValidationResult.ACCEPT),
            org.assertj.core.groups.Tuple.tuple(c.id(), ValidationResult.ACCEPT));
    assertThat(network.penalties)
        .containsExactly(
            new InMemoryNetwork.PenaltyRecord(
                a.id(), forger, Penalty.FALSE_PROOF_FOR_LOCAL_INVOICE.name()));
  }

  @Test
  void homeThatWasOfflineCatchesUpFromCAndSettles() {
    PaymentProofMessage proof = paidProof();
    network.setOnline(a.id(), false);

    assertThat(c.engine.submit(proof).block(TestNode.BOUND))
        .isInstanceOf(ProofOutcome.Relayed.class);
    assertThat(a.ledger.applications).hasValue(0);

    network.setOnline(a.id(), true);
    int processed = a.engine.catchUp(c.id()).block(TestNode.BOUND);

    assertThat(processed).isEqualTo(1);
    assertThat(a.ledger.applications).hasValue(1);
    assertThat(b.receipt(invoice).orElseThrow().attestations())
        .extracting(Attestation::attester)
        .containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(a.engine.catchUp(c.id()).block(TestNode.BOUND))
        .as("A's receipt and the attestations, stored at C since")
        .isEqualTo(3);
    assertThat(a.ledger.applications).hasValue(1);
  }

  @Test
  void aNodeWithoutRpcAcceptsAReceiptOnceTwoAllowlistedPeersAttestedIt() {
    SettlementConfig quorumBC =
        new SettlementConfig(
            "devnet",
            java.util.Optional.of(
                new SettlementConfig.Quorum(2, java.util.Set.of(b.id(), c.id()))));
    TestNode d = new TestNode(network, ChainVerifier.none(), quorumBC, Clock.systemUTC());
    SettlementConfig quorumBAndStranger =
        new SettlementConfig(
            "devnet",
            java.util.Optional.of(
                new SettlementConfig.Quorum(
                    2, java.util.Set.of(b.id(), NodeIdentity.ephemeral().peerId()))));
    TestNode e = new TestNode(network, ChainVerifier.none(), quorumBAndStranger, Clock.systemUTC());
    TestNode noQuorum = new TestNode(network, ChainVerifier.none(), config, Clock.systemUTC());

    c.engine.submit(paidProof()).block(TestNode.BOUND);

    assertThat(d.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.QUORUM);
    assertThat(e.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.UNVERIFIED);
    assertThat(noQuorum.receipt(invoice).orElseThrow().acceptance())
        .isEqualTo(ReceiptView.Acceptance.UNVERIFIED);
    assertThat(network.deliveries)
        .filteredOn(x -> x.validator().equals(d.id()) && x.topic().equals(config.receiptsTopic()))
        .extracting(InMemoryNetwork.Delivery::result)
        .contains(ValidationResult.IGNORE);
  }

  @Test
  void aNodeWhoseRpcIsDownKeepsASubmittedProofForSyncButDoesNotForwardIt() throws Exception {
    String deadUrl;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      deadUrl = "http://127.0.0.1:" + socket.getLocalPort();
    }
    TestNode g = new TestNode(network, chain.deadVerifier(deadUrl), config, Clock.systemUTC());
    PaymentProofMessage proof = paidProof();

    ProofOutcome outcome = g.engine.submit(proof).block(TestNode.BOUND);

    assertThat(outcome).isInstanceOf(ProofOutcome.Unverifiable.class);
    assertThat(network.deliveriesFrom(g.id())).isEmpty();
    assertThat(g.store.all()).containsExactly(proof);
    assertThat(a.engine.catchUp(g.id()).block(TestNode.BOUND)).isEqualTo(1);
    assertThat(a.ledger.applications).hasValue(1);
  }

  private TestNode node() {
    return new TestNode(network, chain.verifier(), config, Clock.systemUTC());
  }

  private PaymentProofMessage paidProof() {
    return chain.pay(open, HALF_ETHER);
  }

  private List<SettlementReceipt> receiptsIn(TestNode node) {
    return node.store.all().stream()
        .filter(SettlementReceipt.class::isInstance)
        .map(SettlementReceipt.class::cast)
        .toList();
  }

  private static TransferClaim withAmount(TransferClaim claim, BigInteger amount) {
    return new TransferClaim(
        claim.chain(), claim.tx(), claim.logIndex(), claim.asset(), claim.route(), amount);
  }

  /** Another payment's place on chain, dressed up with our invoice's route and amount. */
  private static TransferClaim lyingAbout(TransferClaim others, TransferClaim ours) {
    return new TransferClaim(
        others.chain(), others.tx(), others.logIndex(), ours.asset(), ours.route(), ours.amount());
  }
}
