package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.InvoiceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** One engine with its in-memory store and ledger, joined to an {@link InMemoryNetwork}. */
final class TestNode {
  static final Duration BOUND = Duration.ofSeconds(30);

  final NodeIdentity identity = NodeIdentity.ephemeral();
  final InMemoryStore store = new InMemoryStore();
  final InMemoryLedger ledger = new InMemoryLedger();
  final SettlementEngine engine;

  TestNode(InMemoryNetwork network, ChainVerifier chains, SettlementConfig config, Clock clock) {
    engine =
        new SettlementEngine(
            identity, config, ledger, network.join(identity.peerId()), store, chains, clock);
    engine.start();
  }

  PeerId id() {
    return identity.peerId();
  }

  Optional<ReceiptView> receipt(InvoiceRef invoice) {
    return engine.receipt(invoice).block(BOUND);
  }
}
