package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.multistream.MultistreamOutcome;
import dev.payrelay.p2p.security.noise.NoiseException;
import dev.payrelay.p2p.security.noise.NoiseFrameDecoder;
import dev.payrelay.p2p.security.noise.NoiseFrames;
import dev.payrelay.p2p.security.noise.NoiseXxHandshake;
import dev.payrelay.p2p.security.noise.X25519KeyPair;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one TCP connection through the libp2p upgrade and then hands its plaintext to the {@link
 * YamuxConnection}: multistream-select {@code /noise} in the clear, the Noise XX handshake in
 * 2-byte-length frames, multistream-select {@code /yamux/1.0.0} inside the encrypted channel, then
 * yamux. Bytes that arrive together with the last message of a phase go to the next phase. Any
 * failure, or an upgrade slower than the upgrade timeout, closes the socket.
 *
 * <p>Every received buffer is copied into a byte array and released at once.
 */
final class UpgradeHandler extends ChannelInboundHandlerAdapter {

  static final String NOISE = NoiseXxHandshake.PROTOCOL_ID;
  static final String YAMUX = "/yamux/1.0.0";

  private static final Logger log = LoggerFactory.getLogger(UpgradeHandler.class);

  private enum Phase {
    SECURITY,
    HANDSHAKE,
    MUXER,
    MUXED,
    FAILED
  }

  private final TcpTransportConfig config;
  private final ConnectionOwner owner;
  private final boolean initiator;
  private final PeerId expectedPeer;
  private final CompletableFuture<Connection> upgraded;
  private final NoiseFrameDecoder frames = new NoiseFrameDecoder();
  private Phase phase = Phase.SECURITY;
  private ChannelHandlerContext ctx;
  private Negotiation negotiation;
  private NoiseXxHandshake handshake;
  private NoiseChannelCipher cipher;
  private YamuxConnection connection;
  private ScheduledFuture<?> upgradeTimer;

  UpgradeHandler(
      TcpTransportConfig config,
      ConnectionOwner owner,
      boolean initiator,
      PeerId expectedPeer,
      CompletableFuture<Connection> upgraded) {
    this.config = config;
    this.owner = owner;
    this.initiator = initiator;
    this.expectedPeer = expectedPeer;
    this.upgraded = upgraded;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    upgradeTimer =
        ctx.executor()
            .schedule(
                () -> fail(new IOException("upgrade timed out after " + config.upgradeTimeout())),
                config.upgradeTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    negotiation = Negotiation.of(initiator, List.of(NOISE));
    writePlain(negotiation.start().bytesToSend());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] bytes;
    try {
      bytes = ByteBufUtil.getBytes((ByteBuf) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
    if (phase == Phase.FAILED) {
      return;
    }
    if (connection != null) {
      connection.readStarted();
    }
    try {
      onBytes(bytes);
    } catch (Exception | AssertionError e) {
      fail(e);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (connection != null) {
      connection.readComplete();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (connection != null) {
      connection.onWritabilityChanged();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    if (connection != null) {
      connection.onChannelClosed();
    } else {
      upgraded.completeExceptionally(
          new IOException("the connection closed during the upgrade (" + phase + ")"));
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause);
  }

  private void onBytes(byte[] bytes) throws NoiseException {
    if (phase == Phase.SECURITY) {
      MultistreamOutcome outcome = negotiation.onBytes(bytes);
      writePlain(outcome.bytesToSend());
      if (outcome.isFailed()) {
        fail(new IOException("security negotiation failed: " + outcome.failure().get()));
      } else if (outcome.isNegotiated()) {
        startHandshake(outcome.leftover());
      }
      return;
    }
    for (byte[] frame : frames.feed(bytes)) {
      if (phase == Phase.FAILED) {
        return;
      }
      if (cipher == null) {
        onHandshakeMessage(frame);
      } else {
        onPlaintext(cipher.decryptFrame(frame));
      }
    }
  }

  private void startHandshake(byte[] leftover) throws NoiseException {
    phase = Phase.HANDSHAKE;
    X25519KeyPair staticKey = X25519KeyPair.generate(new SecureRandom());
    handshake =
        initiator
            ? NoiseXxHandshake.initiator(config.identity(), staticKey, expectedPeer)
            : NoiseXxHandshake.responder(config.identity(), staticKey);
    if (handshake.nextStep() == NoiseXxHandshake.Step.WRITE) {
      writePlain(NoiseFrames.frame(handshake.writeMessage()));
    }
    if (leftover.length > 0) {
      onBytes(leftover);
    }
  }

  private void onHandshakeMessage(byte[] message) throws NoiseException {
    handshake.readMessage(message);
    if (handshake.nextStep() == NoiseXxHandshake.Step.WRITE) {
      writePlain(NoiseFrames.frame(handshake.writeMessage()));
    }
    if (handshake.nextStep() == NoiseXxHandshake.Step.DONE) {
      cipher = new NoiseChannelCipher(handshake.session());
      phase = Phase.MUXER;
      negotiation = Negotiation.of(initiator, List.of(YAMUX));
      writeSecure(negotiation.start().bytesToSend());
    }
  }

  private void onPlaintext(byte[] plaintext) throws NoiseException {
    if (phase == Phase.MUXED) {
      connection.onPlaintext(plaintext);
      return;
    }
    MultistreamOutcome outcome = negotiation.onBytes(plaintext);
    writeSecure(outcome.bytesToSend());
    if (outcome.isFailed()) {
      fail(new IOException("muxer negotiation failed: " + outcome.failure().get()));
    } else if (outcome.isNegotiated()) {
      muxed(outcome.leftover());
    }
  }

  private void muxed(byte[] leftover) {
    cancelTimer();
    phase = Phase.MUXED;
    connection = new YamuxConnection(ctx, cipher, config, owner, initiator);
    connection.readStarted();
    if (!owner.onUpgraded(connection)) {
      fail(new IOException("the host refused the connection to " + connection.remotePeer()));
      return;
    }
    upgraded.complete(connection);
    connection.start();
    if (leftover.length > 0) {
      connection.onPlaintext(leftover);
    }
  }

  private void writePlain(byte[] bytes) {
    if (bytes.length > 0) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }
  }

  private void writeSecure(byte[] bytes) throws NoiseException {
    if (bytes.length > 0) {
      ctx.writeAndFlush(cipher.encrypt(bytes));
    }
  }

  private void fail(Throwable cause) {
    if (phase == Phase.FAILED) {
      return;
    }
    Phase failedIn = phase;
    phase = Phase.FAILED;
    cancelTimer();
    log.debug("closing {} in phase {}: {}", ctx.channel(), failedIn, cause.toString());
    upgraded.completeExceptionally(cause);
    if (connection != null) {
      connection.closeAfterFlush();
    } else {
      ctx.close();
    }
  }

  private void cancelTimer() {
    if (upgradeTimer != null) {
      upgradeTimer.cancel(false);
      upgradeTimer = null;
    }
  }
}
