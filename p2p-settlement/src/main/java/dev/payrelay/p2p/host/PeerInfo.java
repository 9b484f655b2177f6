package dev.payrelay.p2p.host;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of what a {@link PeerStore} knows about one peer.
 *
 * @param peerId the peer
 * @param addresses where it can be dialled, without {@code /p2p/}
 * @param protocols the protocol ids it serves (from identify)
 * @param publicKey its identity key, once seen
 * @param agentVersion its software (identify's {@code agentVersion})
 */
public record PeerInfo(
    PeerId peerId,
    List<Multiaddr> addresses,
    Set<String> protocols,
    Optional<PublicKey> publicKey,
    Optional<String> agentVersion) {

  public PeerInfo {
    addresses = List.copyOf(addresses);
    protocols = Set.copyOf(protocols);
  }

  static PeerInfo empty(PeerId peerId) {
    return new PeerInfo(peerId, List.of(), Set.of(), Optional.empty(), Optional.empty());
  }

  PeerInfo withAddresses(List<Multiaddr> value) {
    return new PeerInfo(peerId, value, protocols, publicKey, agentVersion);
  }

  PeerInfo withProtocols(Set<String> value) {
    return new PeerInfo(peerId, addresses, value, publicKey, agentVersion);
  }

  PeerInfo withPublicKey(Optional<PublicKey> value) {
    return new PeerInfo(peerId, addresses, protocols, value, agentVersion);
  }

  PeerInfo withAgentVersion(Optional<String> value) {
    return new PeerInfo(peerId, addresses, protocols, publicKey, value);
  }
}
