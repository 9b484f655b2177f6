package dev.payrelay.settlement.network;

import static dev.payrelay.p2p.testing.TestHosts.await;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.InvoiceLedger;
import dev.payrelay.settlement.NetworkFixtures;
import dev.payrelay.settlement.ReceiptView;
import dev.payrelay.settlement.SettlementStore;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.InvoiceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@link SettlementNode} on loopback with the in-memory ledger and store, verifying on the dev
 * chain; it can be closed and started again with the same identity, ledger and store.
 */
final class NetNode implements AutoCloseable {
  static final String NETWORK = "devnet";
  static final Multiaddr LOOPBACK_ANY_PORT = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
  static final Duration BOUND = Duration.ofSeconds(30);

  final NodeIdentity identity = NodeIdentity.ephemeral();
  final InvoiceLedger ledger = NetworkFixtures.ledger();
  final SettlementStore store = NetworkFixtures.store();
  NetworkConfig config;
  SettlementNode node;

  NetNode(NetworkConfig config) {
    this.config = config;
    start();
  }

  static NetworkConfig config(Multiaddr... bootstrap) {
    return NetworkConfig.defaults(NETWORK, LOOPBACK_ANY_PORT)
        .withBootstrap(java.util.List.of(bootstrap));
  }

  void start() {
    node =
        SettlementNode.start(
            identity, config, ledger, store, NetworkFixtures.verifier(), Clock.systemUTC());
  }

  PeerId id() {
    return identity.peerId();
  }

  Multiaddr address() {
    return node.listenAddresses().get(0);
  }

  void dial(NetNode other) {
    await(node.dial(other.address()));
  }

  int applications() {
    return NetworkFixtures.applications(ledger);
  }

  Optional<ReceiptView> receipt(InvoiceRef invoice) {
    return node.engine().receipt(invoice).block(BOUND);
  }

  int attestations(InvoiceRef invoice) {
    return receipt(invoice).map(view -> view.attestations().size()).orElse(0);
  }

  boolean connectedTo(PeerId peer) {
    return node.status().peers().stream().anyMatch(p -> p.peerId().equals(peer));
  }

  /** Our gossip score of {@code peer}, if it is connected. */
  Optional<Double> scoreOf(PeerId peer) {
    return node.status().peers().stream()
        .filter(p -> p.peerId().equals(peer))
        .map(PeerStatus::score)
        .findFirst();
  }

  int meshSize(String topic) {
    return node.status().meshSizes().getOrDefault(topic, 0);
  }

  @Override
  public void close() {
    node.close();
  }
}
