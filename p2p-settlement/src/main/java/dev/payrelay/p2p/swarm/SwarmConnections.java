package dev.payrelay.p2p.swarm;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ConnectionListener;
import dev.payrelay.p2p.host.StreamHandler;
import dev.payrelay.p2p.transport.tcp.ConnectionOwner;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's side of its connections: which are open, the connection limit, the stream handler
 * table, and the listeners told about connections. Thread-safe.
 */
final class SwarmConnections implements ConnectionOwner {

  private static final Logger log = LoggerFactory.getLogger(SwarmConnections.class);

  private final int maxConnections;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final Consumer<Connection> onNewConnection;
  private volatile boolean stopped;

  SwarmConnections(int maxConnections, Consumer<Connection> onNewConnection) {
    this.maxConnections = maxConnections;
    this.onNewConnection = onNewConnection;
  }

  @Override
  public boolean admitInbound(InetSocketAddress remote) {
    boolean admit = !stopped && open.size() < maxConnections;
    if (!admit) {
      log.debug(
          "refusing a connection from {}: {} open, limit {}", remote, open.size(), maxConnections);
    }
    return admit;
  }

  @Override
  public StreamHandler streamHandler(String protocolId) {
    return handlers.get(protocolId);
  }

  @Override
  public boolean onUpgraded(Connection connection) {
    if (stopped || open.size() >= maxConnections) {
      return false;
    }
    open.add(connection);
    onNewConnection.accept(connection);
    fire(listener -> listener.onConnected(connection));
    return true;
  }

  @Override
  public void onClosed(Connection connection) {
    if (open.remove(connection)) {
      fire(listener -> listener.onDisconnected(connection));
    }
  }

  void identified(Connection connection) {
    if (connection.isOpen()) {
      fire(listener -> listener.onIdentified(connection));
    }
  }

  boolean hasRoom() {
    return !stopped && open.size() < maxConnections;
  }

  void stop() {
    stopped = true;
  }

  List<Connection> all() {
    return new ArrayList<>(open);
  }

  List<Connection> to(PeerId peer) {
    List<Connection> result = new ArrayList<>();
    for (Connection connection : open) {
      if (connection.remotePeer().equals(peer) && connection.isOpen()) {
        result.add(connection);
      }
    }
    return result;
  }

  Map<String, StreamHandler> handlers() {
    return handlers;
  }

  List<ConnectionListener> listeners() {
    return listeners;
  }

  private void fire(Consumer<ConnectionListener> event) {
    for (ConnectionListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        log.warn("a connection listener threw", e);
      }
    }
  }
}
