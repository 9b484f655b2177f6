package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ConnectionListener;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.settlement.SettlementEngine;
import dev.payrelay.settlement.message.SyncRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;

/**
 * A node's reactions to its connections, on the host's event loops (so nothing here blocks): closes
 * a stranger's connection right after the handshake when membership is an allowlist; records when
 * each connection came up; tells the {@link Redialer}; once identify shows the peer speaks {@value
 * SyncRequest#PROTOCOL_ID}, remembers it in the {@link PeerBook} and catches up with it (one
 * catch-up per peer at a time).
 */
final class NodeConnections implements ConnectionListener {
  /** Strangers whose refusal is logged at INFO; later ones only at DEBUG, so logs stay bounded. */
  static final int MAX_STRANGERS_LOGGED = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(NodeConnections.class);

  private final Host host;
  private final Membership membership;
  private final PeerBook book;
  private final Redialer redialer;
  private final Clock clock;
  private final Scheduler work;
  private final Map<Connection, Instant> since = new ConcurrentHashMap<>();
  private final Set<PeerId> strangersLogged = ConcurrentHashMap.newKeySet();
  private final Set<PeerId> catchingUp = ConcurrentHashMap.newKeySet();
  private volatile SettlementEngine engine;

  NodeConnections(
      Host host,
      Membership membership,
      PeerBook book,
      Redialer redialer,
      Clock clock,
      Scheduler work) {
    this.host = host;
    this.membership = membership;
    this.book = book;
    this.redialer = redialer;
    this.clock = clock;
    this.work = work;
  }

  /**
   * The engine to catch up with. Peers identified before it was set (the host listens before the
   * engine exists) are caught up with now.
   */
  void engine(SettlementEngine value) {
    this.engine = value;
    for (Connection connection : host.connections()) {
      PeerId peer = connection.remotePeer();
      if (membership.admits(peer) && speaksSync(peer)) {
        catchUp(peer);
      }
    }
  }

  private boolean speaksSync(PeerId peer) {
    return host.peerStore().protocols(peer).contains(SyncRequest.PROTOCOL_ID);
  }

  /** When the oldest open connection to {@code peer} came up, and that connection. */
  Optional<Map.Entry<Connection, Instant>> oldest(PeerId peer) {
    return since.entrySet().stream()
        .filter(e -> e.getKey().remotePeer().equals(peer) && e.getKey().isOpen())
        .min(Map.Entry.comparingByValue());
  }

  @Override
  public void onConnected(Connection connection) {
    PeerId peer = connection.remotePeer();
    if (!membership.admits(peer)) {
      if (strangersLogged.size() < MAX_STRANGERS_LOGGED && strangersLogged.add(peer)) {
        LOG.info("closing a connection of {}: not on the allowlist", peer);
      } else {
        LOG.debug("closing a connection of {}: not on the allowlist", peer);
      }
      connection.close();
      return;
    }
    since.put(connection, clock.instant());
    LOG.info(
        "connected to {} ({}, {})",
        peer,
        connection.direction().name().toLowerCase(java.util.Locale.ROOT),
        connection.remoteAddress());
    redialer.connected(peer);
  }

  @Override
  public void onIdentified(Connection connection) {
    PeerId peer = connection.remotePeer();
    if (!membership.admits(peer) || !speaksSync(peer)) {
      return;
    }
    for (Multiaddr address : host.peerStore().addresses(peer)) {
      if (PeerBook.dialable(address)) {
        book.remember(address.withPeerId(peer));
      }
    }
    redialer.want(peer);
    catchUp(peer);
  }

  @Override
  public void onDisconnected(Connection connection) {
    PeerId peer = connection.remotePeer();
    if (since.remove(connection) == null) {
      return; // a refused stranger
    }
    if (host.connections(peer).isEmpty()) {
      LOG.info("disconnected from {}", peer);
      redialer.disconnected(peer);
    }
  }

  private void catchUp(PeerId peer) {
    SettlementEngine current = engine;
    if (current == null || !catchingUp.add(peer)) {
      return;
    }
    current
        .catchUp(peer)
        .subscribeOn(work)
        .doFinally(signal -> catchingUp.remove(peer))
        .subscribe(
            items -> LOG.info("caught up with {}: {} items", peer, items),
            error -> LOG.info("catch-up with {} failed: {}", peer, error.toString()));
  }
}
