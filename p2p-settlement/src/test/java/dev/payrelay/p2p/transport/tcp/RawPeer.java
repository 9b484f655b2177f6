package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.multistream.MultistreamInitiator;
import dev.payrelay.p2p.multistream.MultistreamOutcome;
import dev.payrelay.p2p.mux.yamux.YamuxFrame;
import dev.payrelay.p2p.mux.yamux.YamuxFrameCodec;
import dev.payrelay.p2p.security.noise.NoiseException;
import dev.payrelay.p2p.security.noise.NoiseFrameDecoder;
import dev.payrelay.p2p.security.noise.NoiseFrames;
import dev.payrelay.p2p.security.noise.NoiseSession;
import dev.payrelay.p2p.security.noise.NoiseXxHandshake;
import dev.payrelay.p2p.security.noise.X25519KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A hand-driven libp2p dialer on a blocking socket, for feeding a host bad input at any stage: raw
 * bytes, then multistream, Noise and yamux built from the pure state machines, with frames crafted
 * by the test.
 */
final class RawPeer implements AutoCloseable {

  /** How long a read waits before the test gives up on an answer. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  final Ed25519KeyPair identity = Ed25519KeyPair.generate();
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final NoiseFrameDecoder frames = new NoiseFrameDecoder();
  private final ArrayDeque<byte[]> pendingFrames = new ArrayDeque<>();
  private final YamuxFrameCodec inboundYamux = new YamuxFrameCodec(16 << 20);
  private NoiseSession session;

  RawPeer(Multiaddr address) throws IOException {
    InetSocketAddress target = address.toTcpSocketAddress().orElseThrow();
    socket = new Socket();
    socket.connect(target, (int) READ_TIMEOUT.toMillis());
    socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /**
   * Whether the host closed the connection: reads (and drops) until end of stream, or a reset.
   * Fails the test by timing out if the host keeps it open.
   */
  boolean closedByHost() throws IOException {
    byte[] buffer = new byte[65_536];
    try {
      while (in.read(buffer) >= 0) {
        // drain
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // connection reset
    }
  }

  /** multistream-select {@code protocol} in the clear. */
  void negotiatePlain(String protocol) throws IOException, NoiseException {
    negotiate(protocol, this::send, this::readSome);
  }

  /** multistream-select {@code protocol} inside the encrypted channel. */
  void negotiateSecure(String protocol) throws IOException, NoiseException {
    negotiate(protocol, this::sendSecure, this::readSecure);
  }

  private interface Sender {
    void send(byte[] bytes) throws IOException, NoiseException;
  }

  private interface Reader {
    byte[] read() throws IOException, NoiseException;
  }

  private static void negotiate(String protocol, Sender sender, Reader reader)
      throws IOException, NoiseException {
    MultistreamInitiator initiator = new MultistreamInitiator(List.of(protocol));
    sender.send(initiator.start().bytesToSend());
    MultistreamOutcome outcome;
    do {
      outcome = initiator.onBytes(reader.read());
      sender.send(outcome.bytesToSend());
    } while (!outcome.isNegotiated() && !outcome.isFailed());
    if (outcome.isFailed()) {
      throw new IOException("negotiation failed: " + outcome.failure().get());
    }
  }

  /** The Noise XX handshake as initiator, expecting {@code remote}. */
  NoiseSession handshake(PeerId remote) throws IOException, NoiseException {
    NoiseXxHandshake handshake =
        NoiseXxHandshake.initiator(identity, X25519KeyPair.generate(new SecureRandom()), remote);
    send(NoiseFrames.frame(handshake.writeMessage()));
    handshake.readMessage(readFrame());
    send(NoiseFrames.frame(handshake.writeMessage()));
    session = handshake.session();
    return session;
  }

  /** {@code /noise}, the handshake, then {@code /yamux/1.0.0} inside: ready for yamux frames. */
  void upgrade(PeerId remote) throws IOException, NoiseException {
    negotiatePlain(UpgradeHandler.NOISE);
    handshake(remote);
    negotiateSecure(UpgradeHandler.YAMUX);
  }

  void sendSecure(byte[] plaintext) throws IOException, NoiseException {
    if (plaintext.length == 0) {
      return;
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] frame : NoiseFrames.encrypt(session.sender(), plaintext)) {
      all.writeBytes(frame);
    }
    send(all.toByteArray());
  }

  void sendYamux(YamuxFrame... yamuxFrames) throws IOException, NoiseException {
    sendSecure(YamuxFrameCodec.encodeAll(List.of(yamuxFrames)));
  }

  /** The next decrypted frame's plaintext. */
  byte[] readSecure() throws IOException, NoiseException {
    return session.receiver().decrypt(readFrame());
  }

  /** The yamux frames completed by the next encrypted frame from the host (possibly none). */
  List<YamuxFrame> readYamux() throws IOException, NoiseException {
    try {
      return inboundYamux.decode(readSecure());
    } catch (dev.payrelay.p2p.mux.yamux.YamuxProtocolException e) {
      throw new IOException(e);
    }
  }

  /** Decrypted yamux frames until the host closes; the last ones tell why (a go away). */
  List<YamuxFrame> yamuxFramesUntilClosed() throws IOException, NoiseException {
    List<YamuxFrame> received = new java.util.ArrayList<>();
    try {
      while (true) {
        received.addAll(readYamux());
      }
    } catch (EndOfStream e) {
      return received;
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return received; // reset
    }
  }

  byte[] readFrame() throws IOException, NoiseException {
    while (pendingFrames.isEmpty()) {
      pendingFrames.addAll(frames.feed(readSome()));
    }
    return pendingFrames.poll();
  }

  private byte[] readSome() throws IOException {
    byte[] buffer = new byte[65_536];
    int n = in.read(buffer);
    if (n < 0) {
      throw new EndOfStream();
    }
    return java.util.Arrays.copyOf(buffer, n);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** The host closed the connection. */
  static final class EndOfStream extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfStream() {
      super("the host closed the connection");
    }
  }
}
