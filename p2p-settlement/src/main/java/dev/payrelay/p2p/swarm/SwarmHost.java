package dev.payrelay.p2p.swarm;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ConnectionListener;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.PeerStore;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamHandler;
import dev.payrelay.p2p.protocol.identify.IdentifyService;
import dev.payrelay.p2p.protocol.ping.PingService;
import dev.payrelay.p2p.transport.tcp.TcpTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Host}: one Netty event loop group, the TCP transport, the connections, and identify
 * and ping served on every host. Dials to the same peer share one attempt, and an open connection
 * is reused. Identify runs on every new connection; {@link ConnectionListener#onIdentified} follows
 * its answer.
 */
public final class SwarmHost implements Host {

  /** How long {@link #close()} waits for {@link #stop()}. */
  static final long STOP_WAIT_SECONDS = 10;

  private static final Logger log = LoggerFactory.getLogger(SwarmHost.class);

  private final SwarmConfig config;
  private final PeerId peerId;
  private final PeerStore peerStore = new PeerStore();
  private final SwarmConnections connections;
  private final IdentifyService identify;
  private final EventLoopGroup group;
  private final TcpTransport transport;
  private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
  private final Map<PeerId, CompletableFuture<Connection>> dialing = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean started;
  private volatile boolean stopping;

  private SwarmHost(SwarmConfig config) {
    this.config = config;
    this.peerId = config.transport().identity().peerId();
    this.connections = new SwarmConnections(config.maxConnections(), this::onNewConnection);
    this.identify =
        new IdentifyService(this, config.transport().identity().publicKey(), config::agentVersion);
    this.group =
        new MultiThreadIoEventLoopGroup(
            config.eventLoopThreads(),
            // daemon threads named after the host, so a host left open never holds the JVM and
            // a thread dump says whose loop is whose
            new DefaultThreadFactory("libp2p-" + shortId(peerId), true),
            NioIoHandler.newFactory());
    this.transport = new TcpTransport(config.transport(), group, connections);
    identify.register();
    new PingService().register(this);
  }

  /** A stopped host; {@link #start()} it. It holds threads from here on: {@link #close()} it. */
  public static SwarmHost create(SwarmConfig config) {
    return new SwarmHost(config);
  }

  @Override
  public PeerId peerId() {
    return peerId;
  }

  @Override
  public synchronized CompletableFuture<Void> start() {
    if (started || stopping) {
      return CompletableFuture.failedFuture(new IllegalStateException("already started"));
    }
    started = true;
    List<CompletableFuture<InetSocketAddress>> binds = new ArrayList<>();
    for (Multiaddr address : config.listenAddresses()) {
      InetSocketAddress socket =
          address
              .toTcpSocketAddress()
              .orElseThrow(() -> new IllegalArgumentException("not a TCP address: " + address));
      binds.add(
          transport
              .listen(socket)
              .thenApply(
                  bound -> {
                    listenAddresses.add(Multiaddr.ofTcp(bound));
                    return bound;
                  }));
    }
    return CompletableFuture.allOf(binds.toArray(CompletableFuture[]::new));
  }

  @Override
  public CompletableFuture<Void> stop() {
    synchronized (this) {
      if (stopping) {
        return stopped;
      }
      stopping = true;
    }
    connections.stop();
    listenAddresses.clear();
    transport
        .closeListeners()
        .thenCompose(
            ignored ->
                CompletableFuture.allOf(
                    connections.all().stream()
                        .map(Connection::close)
                        .toArray(CompletableFuture[]::new)))
        .orTimeout(STOP_WAIT_SECONDS / 2, TimeUnit.SECONDS)
        .whenComplete(
            (ignored, error) ->
                group
                    .shutdownGracefully(0, 1, TimeUnit.SECONDS)
                    .addListener(f -> stopped.complete(null)));
    return stopped;
  }

  @Override
  public void close() {
    try {
      stop().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("host {} did not stop cleanly: {}", peerId, e.toString());
    }
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    return List.copyOf(listenAddresses);
  }

  @Override
  public PeerStore peerStore() {
    return peerStore;
  }

  @Override
  public void setStreamHandler(String protocolId, StreamHandler handler) {
    StreamHandler previous = connections.handlers().put(protocolId, handler);
    if (previous == null && started) {
      connections.all().forEach(connection -> identify.push(connection));
    }
  }

  @Override
  public void removeStreamHandler(String protocolId) {
    if (connections.handlers().remove(protocolId) != null && started) {
      connections.all().forEach(connection -> identify.push(connection));
    }
  }

  @Override
  public Set<String> protocols() {
    return new TreeSet<>(connections.handlers().keySet());
  }

  @Override
  public void addConnectionListener(ConnectionListener listener) {
    connections.listeners().add(listener);
  }

  @Override
  public void removeConnectionListener(ConnectionListener listener) {
    connections.listeners().remove(listener);
  }

  @Override
  public CompletableFuture<Connection> connect(Multiaddr address) {
    PeerId peer =
        address
            .peerId()
            .orElseThrow(() -> new IllegalArgumentException(address + " names no /p2p/ peer"));
    peerStore.addAddresses(peer, List.of(address));
    return connect(peer);
  }

  @Override
  public CompletableFuture<Connection> connect(PeerId peer) {
    List<Connection> open = connections.to(peer);
    if (!open.isEmpty()) {
      return CompletableFuture.completedFuture(open.get(0));
    }
    if (stopping || !started) {
      return CompletableFuture.failedFuture(new IllegalStateException("the host is not running"));
    }
    CompletableFuture<Connection> fresh = new CompletableFuture<>();
    CompletableFuture<Connection> existing = dialing.putIfAbsent(peer, fresh);
    if (existing != null) {
      return existing;
    }
    fresh.whenComplete((connection, error) -> dialing.remove(peer, fresh));
    dialEach(peer, peerStore.addresses(peer), 0, fresh, null);
    return fresh;
  }

  @Override
  public CompletableFuture<Stream> newStream(PeerId peer, String... protocolIds) {
    return connect(peer).thenCompose(connection -> connection.newStream(List.of(protocolIds)));
  }

  @Override
  public CompletableFuture<Stream> newStream(Multiaddr address, String... protocolIds) {
    return connect(address).thenCompose(connection -> connection.newStream(List.of(protocolIds)));
  }

  @Override
  public List<Connection> connections() {
    return connections.all();
  }

  @Override
  public List<Connection> connections(PeerId peer) {
    return connections.to(peer);
  }

  @Override
  public String toString() {
    return "SwarmHost[" + peerId + " " + listenAddresses + "]";
  }

  private static String shortId(PeerId peer) {
    String text = peer.toString();
    return text.substring(Math.max(0, text.length() - 6));
  }

  /** Tries the addresses in order until one gives a connection. */
  private void dialEach(
      PeerId peer,
      List<Multiaddr> addresses,
      int index,
      CompletableFuture<Connection> result,
      Throwable lastError) {
    if (index == addresses.size()) {
      result.completeExceptionally(
          lastError != null ? lastError : new IOException("no known address of " + peer));
      return;
    }
    if (!connections.hasRoom()) {
      result.completeExceptionally(
          new IOException("connection limit of " + config.maxConnections() + " reached"));
      return;
    }
    var socket = addresses.get(index).toTcpSocketAddress();
    if (socket.isEmpty()) {
      dialEach(peer, addresses, index + 1, result, lastError);
      return;
    }
    transport
        .dial(socket.get(), peer)
        .whenComplete(
            (connection, error) -> {
              if (error == null) {
                result.complete(connection);
              } else {
                dialEach(peer, addresses, index + 1, result, error);
              }
            });
  }

  private void onNewConnection(Connection connection) {
    peerStore.setPublicKey(connection.remotePeer(), connection.remotePublicKey());
    identify
        .identify(connection)
        .whenComplete(
            (message, error) -> {
              if (error != null) {
                log.debug("identify of {} failed: {}", connection, error.toString());
              } else {
                connections.identified(connection);
              }
            });
  }
}
