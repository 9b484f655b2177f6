package dev.payrelay.p2p.host;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A libp2p node: its identity, its listeners, its connections, and the protocols it serves.
 *
 * <p>Life cycle: created stopped; {@link #start()} binds the listen addresses; {@link #stop()}
 * closes every connection and listener, fires {@link ConnectionListener#onDisconnected} for each
 * connection, and frees the event loops. A stopped host cannot be restarted.
 *
 * <p>Stream handlers may be registered before or after start. Identify ({@code /ipfs/id/1.0.0},
 * {@code /ipfs/id/push/1.0.0}) and ping ({@code /ipfs/ping/1.0.0}) are served by every host, and
 * identify runs on every new connection, filling the {@link #peerStore()}.
 */
public interface Host extends AutoCloseable {

  /** This node's peer id. */
  PeerId peerId();

  /** Binds the configured listen addresses; completes once all are bound. */
  CompletableFuture<Void> start();

  /** Closes everything; completes when the event loops have terminated. Idempotent. */
  CompletableFuture<Void> stop();

  /** {@link #stop()} and wait for it. */
  @Override
  void close();

  /** The bound listen addresses (with the real ports), without {@code /p2p/}; empty if stopped. */
  List<Multiaddr> listenAddresses();

  /** What this host knows about other peers. */
  PeerStore peerStore();

  /**
   * Serves {@code protocolId}: inbound streams that negotiate it are handed to {@code handler}.
   * Replaces an earlier handler of the same id. Connected peers are told by an identify push.
   */
  void setStreamHandler(String protocolId, StreamHandler handler);

  /** Stops serving {@code protocolId}; streams already open are not affected. */
  void removeStreamHandler(String protocolId);

  /** The protocol ids served, as identify lists them. */
  Set<String> protocols();

  void addConnectionListener(ConnectionListener listener);

  void removeConnectionListener(ConnectionListener listener);

  /**
   * Connects to the peer at {@code address}, which must end in {@code /p2p/<peer id>}: the Noise
   * handshake then checks the remote is that peer. Reuses an open connection to the peer.
   */
  CompletableFuture<Connection> connect(Multiaddr address);

  /** Connects to {@code peer} through an open connection or the addresses in the peer store. */
  CompletableFuture<Connection> connect(PeerId peer);

  /**
   * Opens a stream to {@code peer} (connecting first if needed) and negotiates the first of {@code
   * protocolIds} the peer accepts; fails with {@link ProtocolNotSupportedException} if none.
   */
  CompletableFuture<Stream> newStream(PeerId peer, String... protocolIds);

  /** As {@link #newStream(PeerId, String...)}, connecting to {@code address} if needed. */
  CompletableFuture<Stream> newStream(Multiaddr address, String... protocolIds);

  /** Open connections, all peers. */
  List<Connection> connections();

  /** Open connections to {@code peer}. */
  List<Connection> connections(PeerId peer);
}
