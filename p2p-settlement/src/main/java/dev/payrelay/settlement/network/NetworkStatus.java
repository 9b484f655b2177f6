package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a node's place in the network (for {@code GET /v1/network}).
 *
 * @param peerId this node
 * @param listenAddresses where it listens, each ending in {@code /p2p/<peerId>}
 * @param peers the peers connected now
 * @param meshSizes per topic joined, how many peers are in our gossipsub mesh
 */
public record NetworkStatus(
    PeerId peerId,
    List<Multiaddr> listenAddresses,
    List<PeerStatus> peers,
    Map<String, Integer> meshSizes) {
  public NetworkStatus {
    listenAddresses = List.copyOf(listenAddresses);
    peers = List.copyOf(peers);
    meshSizes = Map.copyOf(meshSizes);
  }
}
