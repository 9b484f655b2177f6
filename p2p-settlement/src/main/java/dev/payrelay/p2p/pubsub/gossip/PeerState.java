package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.HashSet;
import java.util.Set;

/** What the router knows about one connected gossipsub peer. */
final class PeerState {
  /** Most topics one peer may announce; further subscriptions are ignored. */
  static final int MAX_TOPICS_PER_PEER = 1_024;

  final PeerId id;
  final GossipProtocol protocol;
  final RpcOutbound outbound;
  final ConnectionDirection direction;
  final Set<Topic> topics = new HashSet<>();

  /** IHAVE entries processed from this peer since the last heartbeat. */
  int ihavesThisHeartbeat;

  /** Message ids requested from this peer (IWANT) since the last heartbeat. */
  int idsAskedThisHeartbeat;

  PeerState(
      PeerId id, GossipProtocol protocol, RpcOutbound outbound, ConnectionDirection direction) {
    this.id = id;
    this.direction = direction;
    this.protocol = protocol;
    this.outbound = outbound;
  }
}
