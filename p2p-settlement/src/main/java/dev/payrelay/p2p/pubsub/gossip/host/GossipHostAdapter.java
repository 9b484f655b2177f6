package dev.payrelay.p2p.pubsub.gossip.host;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.ConnectionListener;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.p2p.pubsub.gossip.ConnectionDirection;
import dev.payrelay.p2p.pubsub.gossip.GossipProtocol;
import dev.payrelay.p2p.pubsub.gossip.GossipRouter;
import dev.payrelay.p2p.pubsub.gossip.RpcFormatException;
import dev.payrelay.p2p.pubsub.gossip.RpcFrameDecoder;
import dev.payrelay.p2p.pubsub.gossip.VerifiedRpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a {@link GossipRouter} onto a {@link Host} following the adapter contract of {@code
 * dev.payrelay.p2p.pubsub.gossip} (see its package-info): handlers for every {@code /meshsub/*} id,
 * one outbound stream per meshsub peer once identify lists meshsub (or the peer opened a meshsub
 * stream to us), one {@link RpcFrameDecoder} per inbound stream, {@code removePeer} when the last
 * connection closes or the outbound stream dies, and the heartbeat — all router calls on the one
 * serial executor.
 *
 * <p>Back-pressure: frames the peer's stream does not take yet wait in an {@link OutboundSink};
 * past {@link #MAX_UNSENT_BYTES_PER_PEER} the stream is reset and the peer removed, as if
 * disconnected. Inbound, a stream with more than {@link #MAX_QUEUED_RPCS_PER_STREAM} RPCs waiting
 * for the router is not read until they drain to {@link #RESUME_QUEUED_RPCS}, so yamux flow control
 * holds a fast sender back. Host callbacks run on Netty event loops; nothing here blocks.
 *
 * <p>Given a crypto executor, each inbound RPC is decoded and its signatures checked there ({@link
 * VerifiedRpc}) before it reaches the router; the RPCs of one stream still reach the router in the
 * order they arrived, while several are verified at once.
 */
public final class GossipHostAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GossipHostAdapter.class);

  /** Unsent RPC bytes we hold for one slow peer before cutting it off: 4 MiB. */
  public static final long MAX_UNSENT_BYTES_PER_PEER = 4L << 20;

  /**
   * RPCs of one inbound stream queued for the router beyond which we stop reading it: the yamux
   * window then holds the peer back, instead of the router's queue growing without bound.
   */
  static final int MAX_QUEUED_RPCS_PER_STREAM = 64;

  /** Queued RPCs of a paused stream at or below which it is read again. */
  static final int RESUME_QUEUED_RPCS = 16;

  private static final String MESHSUB_PREFIX = "/meshsub/";

  private final Host host;
  private final GossipRouter router;
  private final ScheduledExecutorService routerExecutor;
  private final long maxUnsentBytes;
  private final Executor cryptoExecutor; // null: the router decodes and verifies itself

  /** Our outbound stream per peer; {@link #OPENING} while it negotiates. */
  private final Map<PeerId, Object> outbound = new ConcurrentHashMap<>();

  /** The peer's current inbound stream (a new one replaces the old). */
  private final Map<PeerId, Stream> inbound = new ConcurrentHashMap<>();

  private final ConnectionListener connections = new Listener();
  private volatile boolean closed;
  private ScheduledFuture<?> heartbeat;

  private static final Object OPENING = new Object();

  /**
   * @param routerExecutor the single-threaded executor the router was built with
   * @param maxUnsentBytes the back-pressure bound per peer, in bytes
   */
  public GossipHostAdapter(
      Host host,
      GossipRouter router,
      ScheduledExecutorService routerExecutor,
      long maxUnsentBytes) {
    this(host, router, routerExecutor, maxUnsentBytes, null);
  }

  /**
   * As {@link #GossipHostAdapter(Host, GossipRouter, ScheduledExecutorService, long)}, decoding and
   * verifying inbound RPCs on {@code cryptoExecutor} (null: on the router's executor).
   */
  public GossipHostAdapter(
      Host host,
      GossipRouter router,
      ScheduledExecutorService routerExecutor,
      long maxUnsentBytes,
      Executor cryptoExecutor) {
    if (!host.peerId().equals(router.localPeerId())) {
      throw new IllegalArgumentException("the router's identity is not the host's");
    }
    this.host = host;
    this.router = router;
    this.routerExecutor = routerExecutor;
    this.maxUnsentBytes = maxUnsentBytes;
    this.cryptoExecutor = cryptoExecutor;
  }

  /**
   * Registers the handlers and the connection listener, adopts open connections, starts ticking.
   */
  public synchronized void start() {
    for (GossipProtocol protocol : GossipProtocol.values()) {
      host.setStreamHandler(protocol.id(), this::onInboundStream);
    }
    host.addConnectionListener(connections);
    long interval = router.params().heartbeatInterval().toNanos();
    heartbeat =
        routerExecutor.scheduleAtFixedRate(
            this::heartbeat, interval, interval, TimeUnit.NANOSECONDS);
    for (Connection connection : host.connections()) {
      if (supportsMeshsub(connection.remotePeer())) {
        openOutbound(connection);
      }
    }
  }

  private void heartbeat() {
    try {
      router.heartbeat();
    } catch (RuntimeException e) {
      log.warn("gossipsub heartbeat failed", e);
    }
  }

  private boolean supportsMeshsub(PeerId peer) {
    for (String protocol : host.peerStore().protocols(peer)) {
      if (protocol.startsWith(MESHSUB_PREFIX)) {
        return true;
      }
    }
    return false;
  }

  private void openOutbound(Connection connection) {
    PeerId peer = connection.remotePeer();
    if (closed || !connection.isOpen() || outbound.putIfAbsent(peer, OPENING) != null) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (GossipProtocol protocol : GossipProtocol.values()) {
      ids.add(protocol.id());
    }
    ConnectionDirection direction =
        connection.direction() == Connection.Direction.OUTBOUND
            ? ConnectionDirection.OUTBOUND
            : ConnectionDirection.INBOUND;
    connection
        .newStream(ids)
        .whenComplete(
            (stream, failure) -> {
              if (failure != null) {
                log.debug("no meshsub stream to {}: {}", peer, failure.toString());
                outbound.remove(peer, OPENING);
                return;
              }
              adoptOutbound(peer, stream, direction);
            });
  }

  private void adoptOutbound(PeerId peer, Stream stream, ConnectionDirection direction) {
    GossipProtocol protocol = GossipProtocol.fromId(stream.protocol()).orElseThrow();
    OutboundSink[] holder = new OutboundSink[1];
    OutboundSink sink =
        new OutboundSink(stream, maxUnsentBytes, () -> outboundGone(peer, holder[0], "backed up"));
    holder[0] = sink;
    if (closed || !outbound.replace(peer, OPENING, sink)) {
      stream.reset();
      return;
    }
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            // The outbound stream is write-only; whatever the peer sends on it is ignored.
          }

          @Override
          public void onWritable() {
            sink.drain();
          }

          @Override
          public void onReset() {
            outboundGone(peer, sink, "reset");
          }

          @Override
          public void onClosed() {
            outboundGone(peer, sink, "closed");
          }
        });
    execute(() -> router.addPeer(peer, protocol, sink::send, direction));
  }

  private void outboundGone(PeerId peer, Object sink, String why) {
    if (outbound.remove(peer, sink)) {
      log.debug("meshsub stream to {} {}", peer, why);
      execute(() -> router.removePeer(peer));
    }
  }

  private void onInboundStream(Stream stream) {
    PeerId peer = stream.connection().remotePeer();
    Stream previous = inbound.put(peer, stream);
    if (previous != null && previous != stream) {
      previous.reset();
    }
    RpcFrameDecoder decoder = new RpcFrameDecoder(router.params().maxRpcBytes());
    AtomicInteger queued = new AtomicInteger();
    Runnable resume = () -> stream.connection().executor().execute(() -> stream.setAutoRead(true));
    stream.setListener(
        new StreamListener() {
          /** Completes once the stream's latest RPC is queued on the router's executor. */
          private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

          @Override
          public void onData(byte[] bytes) {
            List<byte[]> bodies;
            try {
              bodies = decoder.feed(bytes);
            } catch (RpcFormatException e) {
              log.debug("garbage on meshsub stream from {}: {}", peer, e.getMessage());
              stream.reset();
              return;
            }
            for (byte[] body : bodies) {
              queued.incrementAndGet();
              Runnable done =
                  () -> {
                    if (queued.decrementAndGet() == RESUME_QUEUED_RPCS) {
                      resume.run();
                    }
                  };
              if (cryptoExecutor == null) {
                execute(
                    () -> {
                      router.onRpcBytes(peer, body);
                      done.run();
                    });
              } else {
                handedOver = verifyThenHandOver(peer, body, handedOver, done);
              }
            }
            if (queued.get() > MAX_QUEUED_RPCS_PER_STREAM) {
              stream.setAutoRead(false);
            }
          }

          @Override
          public void onClosed() {
            inbound.remove(peer, stream);
          }
        });
    openOutbound(stream.connection());
  }

  /**
   * Verifies {@code body} on the crypto executor, then (once {@code previous}, the stream's RPC
   * before it, is handed over) queues it for the router.
   */
  private CompletableFuture<Void> verifyThenHandOver(
      PeerId peer, byte[] body, CompletableFuture<Void> previous, Runnable done) {
    CompletableFuture<VerifiedRpc> verified;
    try {
      verified = CompletableFuture.supplyAsync(() -> prepare(peer, body, router), cryptoExecutor);
    } catch (RejectedExecutionException closing) {
      return previous;
    }
    return verified.thenAcceptBoth(
        previous,
        (rpc, ignored) ->
            execute(
                () -> {
                  if (rpc != null) {
                    router.onVerifiedRpc(peer, rpc);
                  }
                  done.run();
                }));
  }

  private static VerifiedRpc prepare(PeerId peer, byte[] body, GossipRouter router) {
    try {
      return VerifiedRpc.prepare(body, router);
    } catch (RpcFormatException e) {
      log.debug("dropping malformed RPC from {}: {}", peer, e.getMessage());
      return null;
    }
  }

  private void execute(Runnable task) {
    if (!closed) {
      try {
        routerExecutor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException shutDown) {
        // closing: the router is gone
      }
    }
  }

  private final class Listener implements ConnectionListener {
    @Override
    public void onIdentified(Connection connection) {
      if (supportsMeshsub(connection.remotePeer())) {
        openOutbound(connection);
      }
    }

    @Override
    public void onDisconnected(Connection connection) {
      PeerId peer = connection.remotePeer();
      if (host.connections(peer).isEmpty()) {
        Object sink = outbound.remove(peer);
        if (sink != null) {
          execute(() -> router.removePeer(peer));
        }
      }
    }
  }

  /** The largest RPC accepted from a peer, in bytes. */
  public int maxRpcBytes() {
    return router.params().maxRpcBytes();
  }

  /** Unsent bytes queued for {@code peer} (0 if none); for tests and metrics. */
  public long unsentBytes(PeerId peer) {
    Object sink = outbound.get(peer);
    return sink instanceof OutboundSink ? ((OutboundSink) sink).queuedBytes() : 0;
  }

  /**
   * Stops serving meshsub, resets our streams and stops the heartbeat. The router executor is the
   * caller's to shut down.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    host.removeConnectionListener(connections);
    for (GossipProtocol protocol : GossipProtocol.values()) {
      host.removeStreamHandler(protocol.id());
    }
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    for (Object sink : outbound.values()) {
      if (sink instanceof OutboundSink) {
        Stream stream = ((OutboundSink) sink).stream();
        stream.connection().executor().execute(stream::reset);
      }
    }
    for (Stream stream : inbound.values()) {
      stream.connection().executor().execute(stream::reset);
    }
    outbound.clear();
    inbound.clear();
  }
}
