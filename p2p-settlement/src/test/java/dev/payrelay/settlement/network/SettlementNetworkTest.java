package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.pubsub.gossip.host.GossipNode;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.TestHosts;
import dev.payrelay.settlement.NetworkFixtures;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.SettlementConfig;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three settlement nodes on real libp2p hosts over loopback TCP (C bootstraps to A and B, A and B
 * are not connected), verifying real payments on the dev chain: A is the invoices' home.
 */
class SettlementNetworkTest {
  static final BigInteger PRICE = BigInteger.TEN.pow(15);

  final SettlementConfig settlement = SettlementConfig.of(NetNode.NETWORK);
  @RegisterExtension final NetNodes nodes = new NetNodes();
  @TempDir Path folder;
  NetNode a;
  NetNode b;
  NetNode c;

  @BeforeEach
  void threeNodes() {
    a =
        nodes.start(
            NetNode.config()
                .withPeerStoreFile(Optional.of(folder.resolve("a").resolve("peers.txt"))));
    b = nodes.start(NetNode.config());
    c = nodes.start(NetNode.config(a.address(), b.address()));
    awaitMeshes();
  }

  @Test
  void settlesAProofSubmittedAtCOnceAtHomeAndBAndCAttest() {
    NetworkFixtures.Invoice invoice = NetworkFixtures.openInvoice(a.id(), a.ledger, PRICE);
    PaymentProofMessage proof = NetworkFixtures.pay(invoice, PRICE);

    long started = System.nanoTime();
    ProofOutcome outcome = c.node.engine().submit(proof).block(NetNode.BOUND);
    eventually("A settled", () -> a.applications() == 1);
    long settledMillis = (System.nanoTime() - started) / 1_000_000;
    eventually("A saw both attestations", () -> a.attestations(invoice.ref()) == 2);
    eventually("B saw both attestations", () -> b.attestations(invoice.ref()) == 2);
    System.out.println("proof-to-settlement over libp2p: " + settledMillis + " ms");

    assertThat(outcome).isInstanceOf(ProofOutcome.Relayed.class);
    assertThat(a.applications()).isEqualTo(1);
    assertThat(a.receipt(invoice.ref()).orElseThrow().attestations())
        .extracting(Attestation::attester)
        .containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(b.receipt(invoice.ref()).orElseThrow().receipt().transfers())
        .containsExactly(proof.transfer());
    assertThat(NetworkFixtures.receipts(a.store)).hasSize(1);
  }

  @Test
  void homeThatWasClosedCatchesUpOnRestartThroughSyncAndSettles() {
    NetworkFixtures.Invoice invoice = NetworkFixtures.openInvoice(a.id(), a.ledger, PRICE);
    PaymentProofMessage proof = NetworkFixtures.pay(invoice, PRICE);
    a.close();
    eventually("C lost A", () -> !c.connectedTo(a.id()));

    ProofOutcome outcome = c.node.engine().submit(proof).block(NetNode.BOUND);
    assertThat(outcome).isInstanceOf(ProofOutcome.Relayed.class);
    assertThat(a.applications()).isZero();

    a.start(); // a new port; A finds C again through its peer file, and syncs from it
    eventually("A caught up and settled", () -> a.applications() == 1);
    eventually("A stored its receipt", () -> NetworkFixtures.receipts(a.store).size() == 1);
    assertThat(a.node.status().peers()).extracting(PeerStatus::peerId).contains(c.id());
    assertThat(a.applications()).isEqualTo(1);
  }

  @Test
  void forgedProofsSettleNothingAndSinkTheForgersScore() {
    NetworkFixtures.Invoice invoice = NetworkFixtures.openInvoice(a.id(), a.ledger, PRICE);
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    SwarmHost forgerHost = TestHosts.started(SwarmConfig.defaults(key, NetNode.LOOPBACK_ANY_PORT));
    GossipNode forger =
        GossipNode.start(forgerHost, key, GossipParams.defaults(), Clock.systemUTC());
    nodes.closeAfter(forgerHost);
    nodes.closeAfter(forger);
    Topic proofs = Topic.of(settlement.proofsTopic());
    await(
        forger.subscribe(proofs, MessageValidator.ACCEPT_ALL, (id, m) -> {}).toCompletableFuture());
    for (NetNode honest : List.of(a, b, c)) {
      await(forgerHost.connect(honest.address()));
    }
    eventually(
        "the forger sees the honest nodes on the topic",
        () -> await(forger.topicPeers(proofs)).size() == 3);

    for (PaymentProofMessage forged : NetworkFixtures.forgedProofs(invoice, PRICE)) {
      await(forger.publish(proofs, SettlementMessages.encode(forged)).toCompletableFuture());
    }

    for (NetNode honest : List.of(a, b, c)) {
      eventually(
          "the forger's score fell at " + honest.id(),
          () -> honest.scoreOf(forgerHost.peerId()).map(s -> s < 0).orElse(false));
    }
    assertThat(a.applications()).isZero();
    assertThat(NetworkFixtures.receipts(a.store)).isEmpty();
    assertThat(NetworkFixtures.stored(b.store)).isEmpty();
    assertThat(NetworkFixtures.stored(c.store)).isEmpty();
  }

  @Test
  void settlesOnceWithOneReceiptWhenTheSameProofIsSubmittedAHundredTimesThroughBAndC() {
    NetworkFixtures.Invoice invoice = NetworkFixtures.openInvoice(a.id(), a.ledger, PRICE);
    PaymentProofMessage proof = NetworkFixtures.pay(invoice, PRICE);

    for (int i = 0; i < 100; i++) {
      (i % 2 == 0 ? b : c).node.engine().submit(proof).block(NetNode.BOUND);
    }

    eventually("A settled", () -> a.applications() == 1);
    eventually("A saw both attestations", () -> a.attestations(invoice.ref()) == 2);
    assertThat(a.applications()).isEqualTo(1);
    for (NetNode node : List.of(a, b, c)) {
      eventually(
          "one receipt at " + node.id(), () -> NetworkFixtures.receipts(node.store).size() == 1);
    }
  }

  /** C is linked to A and B on both topics, and they to C. */
  private void awaitMeshes() {
    for (String topic : List.of(settlement.proofsTopic(), settlement.receiptsTopic())) {
      eventually("C's mesh on " + topic, () -> c.meshSize(topic) == 2);
      eventually("A's mesh on " + topic, () -> a.meshSize(topic) == 1);
      eventually("B's mesh on " + topic, () -> b.meshSize(topic) == 1);
    }
  }
}
