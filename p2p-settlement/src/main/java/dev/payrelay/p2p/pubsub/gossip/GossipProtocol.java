package dev.payrelay.p2p.pubsub.gossip;

import java.util.Optional;

/**
 * The gossipsub protocol ids this router speaks, in order of preference. v1.0 peers get PRUNEs
 * without the v1.1 backoff and peer-exchange fields.
 *
 * <p>Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md">v1.1</a>,
 * <a href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md">
 * v1.0</a>.
 */
public enum GossipProtocol {
  MESHSUB_V1_1("/meshsub/1.1.0"),
  MESHSUB_V1_0("/meshsub/1.0.0");

  private final String id;

  GossipProtocol(String id) {
    this.id = id;
  }

  /** The multistream-select protocol id. */
  public String id() {
    return id;
  }

  /** The protocol of a negotiated id, or empty if this router does not speak it. */
  public static Optional<GossipProtocol> fromId(String id) {
    for (GossipProtocol protocol : values()) {
      if (protocol.id.equals(id)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }

  /** Whether PRUNE may carry a backoff (and peer exchange). */
  boolean supportsPruneBackoff() {
    return this == MESHSUB_V1_1;
  }
}
