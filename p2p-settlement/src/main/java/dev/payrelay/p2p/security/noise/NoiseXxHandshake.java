package dev.payrelay.p2p.security.noise;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.KeyFormatException;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The noise-libp2p handshake ({@code /noise}) over {@code Noise_XX_25519_ChaChaPoly_SHA256} with an
 * empty prologue: message 1 carries no payload, messages 2 (responder) and 3 (initiator) carry a
 * signed {@link NoiseHandshakePayload}. The remote's identity key must have signed {@code
 * "noise-libp2p-static-key:" || its X25519 static key}; otherwise {@link #readMessage} throws
 * {@link NoiseHandshakeException} and the connection must be dropped.
 *
 * <p><b>Stream muxers.</b> We send no {@code NoiseExtensions}, so no {@code stream_muxers}: the
 * muxer is always negotiated with multistream-select inside the secured channel. js-libp2p skips
 * that negotiation only when <em>both</em> payloads list muxers, so leaving ours empty keeps both
 * sides on multistream-select; mixing the two styles breaks the connection. The remote's list is
 * still reported in {@link NoiseSession#remoteStreamMuxers()}.
 *
 * <p>Pure and single-threaded: byte arrays in, byte arrays out. A transport handler drives it:
 *
 * <pre>{@code
 * NoiseXxHandshake hs = NoiseXxHandshake.initiator(identity, staticKey, expectedPeer);
 * NoiseFrameDecoder frames = new NoiseFrameDecoder();
 * if (hs.nextStep() == Step.WRITE) send(NoiseFrames.frame(hs.writeMessage()));   // message 1
 * // on every read:
 * for (byte[] frame : frames.feed(bytes)) {
 *   if (session == null) {
 *     hs.readMessage(frame);                                                       // 2 or 1/3
 *     if (hs.nextStep() == Step.WRITE) send(NoiseFrames.frame(hs.writeMessage()));
 *     if (hs.nextStep() == Step.DONE) session = hs.session();
 *   } else {
 *     deliver(session.receiver().decrypt(frame));                                  // transport
 *   }
 * }
 * }</pre>
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/noise/README.md">noise-libp2p</a>
 */
public final class NoiseXxHandshake {

  /** The protocol id negotiated with multistream-select. */
  public static final String PROTOCOL_ID = "/noise";

  private static final byte[] EMPTY_PROLOGUE = new byte[0];
  private static final byte[] NO_PAYLOAD = new byte[0];

  /** What the caller must do next. */
  public enum Step {
    /** Call {@link #writeMessage()} and send the result. */
    WRITE,
    /** Wait for the next frame and pass it to {@link #readMessage}. */
    READ,
    /** The handshake is complete: take {@link #session()}. */
    DONE
  }

  private final HandshakeState noise;
  private final Ed25519KeyPair identity;
  private final PeerId expectedRemotePeer; // null: accept any (inbound)
  private PublicKey remoteIdentityKey;
  private NoiseExtensions remoteExtensions = NoiseExtensions.NONE;
  private boolean failed;

  NoiseXxHandshake(
      boolean initiator,
      Ed25519KeyPair identity,
      X25519KeyPair staticKey,
      PeerId expectedRemotePeer,
      X25519KeyPair ephemeralKey,
      SecureRandom random) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.expectedRemotePeer = expectedRemotePeer;
    this.noise =
        new HandshakeState(
            initiator, EMPTY_PROLOGUE, Objects.requireNonNull(staticKey), ephemeralKey, random);
  }

  /**
   * The dialer's side. The spec requires checking that the remote is the peer we meant to reach.
   *
   * @param expectedRemotePeer the peer id being dialled, or {@code null} if unknown
   */
  public static NoiseXxHandshake initiator(
      Ed25519KeyPair identity, X25519KeyPair staticKey, PeerId expectedRemotePeer) {
    return new NoiseXxHandshake(
        true, identity, staticKey, expectedRemotePeer, null, new SecureRandom());
  }

  /** The listener's side. */
  public static NoiseXxHandshake responder(Ed25519KeyPair identity, X25519KeyPair staticKey) {
    return new NoiseXxHandshake(false, identity, staticKey, null, null, new SecureRandom());
  }

  public boolean isInitiator() {
    return noise.isInitiator();
  }

  /**
   * What to do next.
   *
   * @throws IllegalStateException once a read or write has failed
   */
  public Step nextStep() {
    checkNotFailed();
    if (noise.isComplete()) {
      return Step.DONE;
    }
    return noise.isMyTurnToWrite() ? Step.WRITE : Step.READ;
  }

  /**
   * Writes our next handshake message (1 or 3 as initiator, 2 as responder), unframed.
   *
   * @throws IllegalStateException if it is not our turn
   */
  public byte[] writeMessage() throws NoiseException {
    checkNotFailed();
    boolean ok = false;
    try {
      boolean carriesPayload = noise.nextMessageNumber() > 1;
      byte[] message = noise.writeMessage(carriesPayload ? localPayload().encode() : NO_PAYLOAD);
      ok = true;
      return message;
    } finally {
      failed |= !ok;
    }
  }

  /**
   * Reads the remote's next handshake message (a frame body). Messages 2 and 3 must carry a valid
   * signed payload.
   *
   * @throws NoiseHandshakeException for a truncated message, a malformed payload, a bad identity
   *     signature or an unexpected peer
   * @throws NoiseException if the message fails authentication
   */
  public void readMessage(byte[] message) throws NoiseException {
    checkNotFailed();
    boolean ok = false;
    try {
      boolean carriesPayload = noise.nextMessageNumber() > 1;
      byte[] payload = noise.readMessage(message);
      if (carriesPayload) {
        authenticate(NoiseHandshakePayload.decode(payload));
      }
      ok = true;
    } finally {
      failed |= !ok;
    }
  }

  /** The result, once {@link #nextStep()} is {@link Step#DONE}. */
  public NoiseSession session() {
    checkNotFailed();
    if (!noise.isComplete() || remoteIdentityKey == null) {
      throw new IllegalStateException("the Noise handshake is not complete");
    }
    CipherState[] split = noise.transportCiphers();
    boolean initiator = noise.isInitiator();
    return new NoiseSession(
        remoteIdentityKey.toPeerId(),
        remoteIdentityKey,
        initiator ? split[0] : split[1],
        initiator ? split[1] : split[0],
        remoteExtensions.streamMuxers(),
        noise.handshakeHash());
  }

  private void checkNotFailed() {
    if (failed) {
      throw new IllegalStateException("the Noise handshake failed; drop the connection");
    }
  }

  private NoiseHandshakePayload localPayload() {
    byte[] signed = NoiseHandshakePayload.signedData(noise.localStaticPublicKey());
    return new NoiseHandshakePayload(
        identity.publicKey().marshal(), identity.sign(signed), NoiseExtensions.NONE);
  }

  private void authenticate(NoiseHandshakePayload payload) throws NoiseHandshakeException {
    PublicKey key;
    try {
      key = PublicKey.unmarshal(payload.identityKey());
    } catch (KeyFormatException e) {
      throw new NoiseHandshakeException("invalid remote identity key: " + e.getMessage(), e);
    }
    if (!key.canVerify()) {
      throw new NoiseHandshakeException(
          "cannot verify signatures of " + key.type() + " identity keys; dropping the connection");
    }
    byte[] signed = NoiseHandshakePayload.signedData(noise.remoteStaticKey());
    if (!key.verify(signed, payload.identitySignature())) {
      throw new NoiseHandshakeException(
          "the remote identity signature over its Noise static key does not verify (peer "
              + key.toPeerId()
              + "); dropping the connection");
    }
    PeerId remote = key.toPeerId();
    if (expectedRemotePeer != null && !expectedRemotePeer.equals(remote)) {
      throw new NoiseHandshakeException(
          "dialled " + expectedRemotePeer + " but the remote authenticated as " + remote);
    }
    remoteIdentityKey = key;
    remoteExtensions = payload.extensions();
  }
}
