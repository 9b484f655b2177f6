package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import java.time.Instant;
import java.util.List;

/**
 * One connected peer, as {@link NetworkStatus} lists it.
 *
 * @param addresses where it can be dialled, as far as we know
 * @param direction {@code inbound} (it dialled us) or {@code outbound}, of the oldest connection
 * @param score its gossipsub score here (0 for a well-behaved peer; negative after misbehaviour)
 * @param graylisted whether its gossip is ignored now
 * @param connectedSince when its oldest open connection came up
 */
public record PeerStatus(
    PeerId peerId,
    List<Multiaddr> addresses,
    String direction,
    double score,
    boolean graylisted,
    Instant connectedSince) {
  public PeerStatus {
    addresses = List.copyOf(addresses);
  }
}
