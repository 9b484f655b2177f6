package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import java.util.Optional;

/**
 * Where a message came from: submitted here, gossiped by a peer, fetched by sync, or a held proof
 * checked again ({@link ProofHandler#retryHeld()}).
 */
record Source(Kind kind, Optional<PeerId> peer, Optional<PeerId> origin) {
  enum Kind {
    LOCAL,
    GOSSIP,
    SYNC,
    RETRY
  }

  static Source local() {
    return new Source(Kind.LOCAL, Optional.empty(), Optional.empty());
  }

  static Source gossip(InboundMessage message) {
    return new Source(Kind.GOSSIP, Optional.of(message.source()), Optional.of(message.origin()));
  }

  static Source sync(PeerId peer) {
    return new Source(Kind.SYNC, Optional.of(peer), Optional.of(peer));
  }

  static Source retry() {
    return new Source(Kind.RETRY, Optional.empty(), Optional.empty());
  }

  boolean isGossip() {
    return kind == Kind.GOSSIP;
  }
}
