package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** What the engine's parts share: who this node is, its ports, and its clock. */
record EngineContext(
    NodeIdentity identity,
    SettlementConfig config,
    InvoiceLedger ledger,
    SettlementNetwork network,
    SettlementStore store,
    ChainVerifier chains,
    Clock clock) {

  EngineContext {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(chains, "chains");
    Objects.requireNonNull(clock, "clock");
  }

  PeerId self() {
    return identity.peerId();
  }

  Mono<Void> publish(String topic, SettlementMessage message) {
    return network.publish(topic, SettlementMessages.encode(message));
  }
}
