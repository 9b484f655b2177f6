package dev.payrelay.p2p.host;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a host knows about other peers: addresses to dial, protocols they serve, their public key
 * and agent, filled by identify and by the application. Thread-safe; every read returns a snapshot.
 * Bounded: at most {@link #MAX_PEERS} peers and {@link #MAX_ADDRESSES_PER_PEER} addresses, {@link
 * #MAX_PROTOCOLS_PER_PEER} protocols each; beyond, new entries are dropped.
 */
public final class PeerStore {

  /** Peers remembered. */
  public static final int MAX_PEERS = 10_000;

  /** Addresses remembered per peer. */
  public static final int MAX_ADDRESSES_PER_PEER = 32;

  /** Protocols remembered per peer. */
  public static final int MAX_PROTOCOLS_PER_PEER = 128;

  private final ConcurrentMap<PeerId, PeerInfo> peers = new ConcurrentHashMap<>();

  /** Adds dialable addresses of {@code peer} (a trailing {@code /p2p/} is dropped). */
  public void addAddresses(PeerId peer, List<Multiaddr> addresses) {
    update(
        peer,
        info -> {
          Set<Multiaddr> merged = new LinkedHashSet<>(info.addresses());
          for (Multiaddr address : addresses) {
            if (merged.size() >= MAX_ADDRESSES_PER_PEER) {
              break;
            }
            merged.add(address.peerId().isPresent() ? address.withoutPeerId() : address);
          }
          return info.withAddresses(List.copyOf(merged));
        });
  }

  /** Replaces the protocols {@code peer} serves (identify's answer is the whole list). */
  public void setProtocols(PeerId peer, Set<String> protocols) {
    Set<String> bounded = new LinkedHashSet<>();
    for (String protocol : protocols) {
      if (bounded.size() >= MAX_PROTOCOLS_PER_PEER) {
        break;
      }
      bounded.add(protocol);
    }
    update(peer, info -> info.withProtocols(Set.copyOf(bounded)));
  }

  /**
   * Records the public key of {@code peer}.
   *
   * @throws IllegalArgumentException if the key is not {@code peer}'s
   */
  public void setPublicKey(PeerId peer, PublicKey key) {
    if (!peer.matches(key)) {
      throw new IllegalArgumentException("key " + key + " is not the key of " + peer);
    }
    update(peer, info -> info.withPublicKey(Optional.of(key)));
  }

  public void setAgentVersion(PeerId peer, String agentVersion) {
    update(peer, info -> info.withAgentVersion(Optional.of(agentVersion)));
  }

  /** All we know of {@code peer}; empty if nothing. */
  public Optional<PeerInfo> get(PeerId peer) {
    return Optional.ofNullable(peers.get(peer));
  }

  public List<Multiaddr> addresses(PeerId peer) {
    return get(peer).map(PeerInfo::addresses).orElse(List.of());
  }

  public Set<String> protocols(PeerId peer) {
    return get(peer).map(PeerInfo::protocols).orElse(Set.of());
  }

  public List<PeerId> peers() {
    return new ArrayList<>(peers.keySet());
  }

  /** Forgets {@code peer}. */
  public void remove(PeerId peer) {
    peers.remove(peer);
  }

  private void update(PeerId peer, java.util.function.UnaryOperator<PeerInfo> change) {
    if (!peers.containsKey(peer) && peers.size() >= MAX_PEERS) {
      return;
    }
    peers.compute(peer, (id, info) -> change.apply(info == null ? PeerInfo.empty(id) : info));
  }
}
