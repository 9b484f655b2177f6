package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.StreamHandler;
import dev.payrelay.p2p.host.StreamResetException;
import dev.payrelay.p2p.mux.yamux.YamuxConfig;
import dev.payrelay.p2p.mux.yamux.YamuxEvent;
import dev.payrelay.p2p.mux.yamux.YamuxFrame;
import dev.payrelay.p2p.mux.yamux.YamuxOpen;
import dev.payrelay.p2p.mux.yamux.YamuxRole;
import dev.payrelay.p2p.mux.yamux.YamuxSession;
import dev.payrelay.p2p.mux.yamux.YamuxSessionOutput;
import dev.payrelay.p2p.security.noise.NoiseException;
import dev.payrelay.p2p.security.noise.NoiseFrames;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection after its upgrade: drives the {@link YamuxSession} with the decrypted bytes, writes
 * its frames through the Noise cipher, and keeps the {@link MuxedStream}s. Everything runs on the
 * channel's event loop; the public methods hop onto it.
 *
 * <p>Writes during a read are flushed once at the end of the read; other writes at once. Our yamux
 * data frames carry at most {@value #MAX_DATA_FRAME_BYTES} bytes so that one frame with its header
 * fills exactly one Noise frame.
 */
final class YamuxConnection implements Connection {

  /** Largest yamux data payload we send: one Noise frame's plaintext minus the yamux header. */
  static final int MAX_DATA_FRAME_BYTES =
      NoiseFrames.MAX_FRAME_PLAINTEXT_BYTES - YamuxFrame.HEADER_BYTES;

  /**
   * Interval of our yamux pings. They keep NATs open and give the session the round trip that
   * decides when a stream's receive window grows (js-libp2p pings every 30 s too).
   */
  static final long KEEPALIVE_SECONDS = 30;

  private static final Logger log = LoggerFactory.getLogger(YamuxConnection.class);

  private final ChannelHandlerContext ctx;
  private final EventLoop loop;
  private final NoiseChannelCipher cipher;
  private final TcpTransportConfig config;
  private final ConnectionOwner owner;
  private final Direction direction;
  private final YamuxSession session;
  private final Map<Integer, MuxedStream> streams = new HashMap<>();
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private final Multiaddr remoteAddress;
  private final Multiaddr localAddress;
  private boolean reading;
  private boolean closing;
  private ScheduledFuture<?> idleTimer;
  private ScheduledFuture<?> keepalive;

  YamuxConnection(
      ChannelHandlerContext ctx,
      NoiseChannelCipher cipher,
      TcpTransportConfig config,
      ConnectionOwner owner,
      boolean initiator) {
    this.ctx = ctx;
    this.loop = ctx.channel().eventLoop();
    this.cipher = cipher;
    this.config = config;
    this.owner = owner;
    this.direction = initiator ? Direction.OUTBOUND : Direction.INBOUND;
    this.session =
        new YamuxSession(
            YamuxConfig.defaults(initiator ? YamuxRole.DIALER : YamuxRole.LISTENER)
                .withMaxStreams(config.maxStreamsPerConnection())
                .withMaxOutboundFramePayloadBytes(MAX_DATA_FRAME_BYTES),
            System::nanoTime);
    this.remoteAddress = Multiaddr.ofTcp((InetSocketAddress) ctx.channel().remoteAddress());
    this.localAddress = Multiaddr.ofTcp((InetSocketAddress) ctx.channel().localAddress());
    scheduleIdleCheck();
  }

  @Override
  public PeerId remotePeer() {
    return cipher.session().remotePeerId();
  }

  @Override
  public PublicKey remotePublicKey() {
    return cipher.session().remoteIdentityKey();
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Multiaddr localAddress() {
    return localAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public CompletableFuture<dev.payrelay.p2p.host.Stream> newStream(List<String> protocolIds) {
    CompletableFuture<dev.payrelay.p2p.host.Stream> opened = new CompletableFuture<>();
    List<String> proposals = List.copyOf(protocolIds);
    onLoop(
        () -> {
          if (closing || !ctx.channel().isActive()) {
            opened.completeExceptionally(new StreamResetException("the connection is closed"));
            return;
          }
          YamuxOpen open;
          try {
            open = session.open();
          } catch (IllegalStateException e) {
            opened.completeExceptionally(new StreamResetException(e.getMessage()));
            return;
          }
          MuxedStream stream = MuxedStream.outbound(this, open.streamId(), proposals, opened);
          streams.put(open.streamId(), stream);
          cancelIdleCheck();
          process(open.output());
          stream.startNegotiation();
        });
    return opened;
  }

  @Override
  public java.util.concurrent.Executor executor() {
    return loop;
  }

  @Override
  public int streamCount() {
    return streams.size();
  }

  @Override
  public boolean isOpen() {
    return ctx.channel().isActive() && !closing;
  }

  @Override
  public CompletableFuture<Void> close() {
    onLoop(
        () -> {
          if (!closing && ctx.channel().isActive() && !session.isFailed()) {
            process(session.goAway(YamuxFrame.GO_AWAY_NORMAL));
          }
          closeAfterFlush();
        });
    return closeFuture;
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public String toString() {
    return "Connection[" + direction + " " + remotePeer() + " at " + remoteAddress + "]";
  }

  // ---- called by UpgradeHandler, on the loop ----

  /** Starts the keepalive pings, the first at once (it measures the round trip). */
  void start() {
    keepalive =
        loop.scheduleAtFixedRate(
            () -> {
              if (!isClosingOrClosed()) {
                process(session.ping());
              }
            },
            0,
            KEEPALIVE_SECONDS,
            TimeUnit.SECONDS);
  }

  void onPlaintext(byte[] plaintext) {
    process(session.onBytes(plaintext));
  }

  void readStarted() {
    reading = true;
  }

  void readComplete() {
    reading = false;
    ctx.flush();
  }

  void onWritabilityChanged() {
    if (ctx.channel().isWritable()) {
      for (MuxedStream stream : new ArrayList<>(streams.values())) {
        stream.checkWritable();
      }
    }
  }

  void onChannelClosed() {
    closing = true;
    cancelIdleCheck();
    if (keepalive != null) {
      keepalive.cancel(false);
    }
    for (MuxedStream stream : new ArrayList<>(streams.values())) {
      stream.onReset();
    }
    streams.clear();
    owner.onClosed(this);
    closeFuture.complete(null);
  }

  void closeAfterFlush() {
    closing = true;
    ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
        .addListener(ChannelFutureListener.CLOSE);
  }

  // ---- called by MuxedStream, on the loop ----

  EventLoop loop() {
    return loop;
  }

  boolean isClosingOrClosed() {
    return closing || session.isFailed() || !ctx.channel().isActive();
  }

  boolean channelWritable() {
    return ctx.channel().isWritable();
  }

  StreamHandler streamHandler(String protocolId) {
    return owner.streamHandler(protocolId);
  }

  void write(int streamId, byte[] bytes) {
    process(session.write(streamId, bytes));
  }

  void consumed(int streamId, int bytes) {
    if (!session.isFailed()) {
      process(session.consumed(streamId, bytes));
    }
  }

  void closeWrite(int streamId) {
    process(session.close(streamId));
  }

  void reset(int streamId) {
    if (!session.isFailed()) {
      process(session.reset(streamId));
    }
    forget(streamId);
  }

  long queuedBytes(int streamId) {
    return session.queuedBytes(streamId);
  }

  void onLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  // ---- internals ----

  private void process(YamuxSessionOutput output) {
    if (!output.frames().isEmpty()) {
      send(output.toBytes());
    }
    for (YamuxEvent event : output.events()) {
      handle(event);
    }
  }

  private void handle(YamuxEvent event) {
    if (event instanceof YamuxEvent.InboundStream inbound) {
      MuxedStream stream = MuxedStream.inbound(this, inbound.streamId());
      streams.put(inbound.streamId(), stream);
      cancelIdleCheck();
      stream.startNegotiation();
    } else if (event instanceof YamuxEvent.Data data) {
      MuxedStream stream = streams.get(data.streamId());
      if (stream != null) {
        stream.onData(data.bytes());
      }
    } else if (event instanceof YamuxEvent.RemoteClosed closed) {
      MuxedStream stream = streams.get(closed.streamId());
      if (stream != null) {
        stream.onRemoteClosed();
      }
    } else if (event instanceof YamuxEvent.StreamReset reset) {
      MuxedStream stream = streams.get(reset.streamId());
      forget(reset.streamId());
      if (stream != null) {
        stream.onReset();
      }
    } else if (event instanceof YamuxEvent.StreamClosed closed) {
      MuxedStream stream = streams.get(closed.streamId());
      forget(closed.streamId());
      if (stream != null) {
        stream.onClosed();
      }
    } else if (event instanceof YamuxEvent.Writable writable) {
      MuxedStream stream = streams.get(writable.streamId());
      if (stream != null) {
        stream.checkWritable();
      }
    } else if (event instanceof YamuxEvent.ProtocolError error) {
      log.debug("yamux protocol error from {}: {}", remotePeer(), error.reason());
      closeAfterFlush();
    }
    // SendBlocked, PingAcked, GoAwayReceived: nothing to do; streams finish or reset.
  }

  private void send(byte[] plaintext) {
    if (!ctx.channel().isActive()) {
      return;
    }
    try {
      if (reading) {
        ctx.write(cipher.encrypt(plaintext));
      } else {
        ctx.writeAndFlush(cipher.encrypt(plaintext));
      }
    } catch (NoiseException e) {
      log.debug("encryption failed on {}: {}", this, e.toString());
      ctx.close();
    }
  }

  private void forget(int streamId) {
    if (streams.remove(streamId) != null && streams.isEmpty()) {
      scheduleIdleCheck();
    }
  }

  private void scheduleIdleCheck() {
    cancelIdleCheck();
    long millis = config.idleTimeout().toMillis();
    idleTimer =
        loop.schedule(
            () -> {
              if (streams.isEmpty() && isOpen()) {
                log.debug("closing idle {}", this);
                close();
              }
            },
            millis,
            TimeUnit.MILLISECONDS);
  }

  private void cancelIdleCheck() {
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
  }
}
