package dev.payrelay.p2p.security.noise;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A Noise {@code HandshakeState} (Noise §5.3) for {@code Noise_XX_25519_ChaChaPoly_SHA256}:
 *
 * <pre>
 * XX:
 *   -&gt; e
 *   &lt;- e, ee, s, es
 *   -&gt; s, se
 * </pre>
 *
 * <p>Pure: byte arrays in, byte arrays out, no I/O. The ephemeral key may be injected for test
 * vectors; otherwise it is generated when the {@code e} token is written. Any failure leaves the
 * object unusable. After the third message {@link #transportCiphers()} gives the {@code Split()}
 * result.
 *
 * @see <a href="https://noiseprotocol.org/noise.html#the-handshakestate-object">Noise §5.3</a>
 * @see <a href="https://noiseprotocol.org/noise.html#interactive-handshake-patterns-fundamental">
 *     Noise §7.5, pattern XX</a>
 */
final class HandshakeState {

  /** The only protocol noise-libp2p speaks. */
  static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";

  /** A Noise message is at most 65535 bytes (Noise §3). */
  static final int MAX_MESSAGE_BYTES = 65_535;

  private enum Token {
    E,
    S,
    EE,
    ES,
    SE
  }

  /** Message i is written by the initiator when i is even. */
  private static final List<List<Token>> XX =
      List.of(
          List.of(Token.E),
          List.of(Token.E, Token.EE, Token.S, Token.ES),
          List.of(Token.S, Token.SE));

  private final boolean initiator;
  private final SymmetricState symmetric;
  private final X25519KeyPair localStatic;
  private final SecureRandom random;
  private X25519KeyPair localEphemeral;
  private byte[] remoteStatic;
  private byte[] remoteEphemeral;
  private int messageIndex;
  private boolean failed;
  private CipherState[] transportCiphers;

  /**
   * {@code Initialize(handshake_pattern, initiator, prologue, s, e, rs, re)} for XX (no
   * pre-messages).
   *
   * @param localEphemeral an injected ephemeral key for test vectors, or {@code null} to generate
   *     one
   */
  HandshakeState(
      boolean initiator,
      byte[] prologue,
      X25519KeyPair localStatic,
      X25519KeyPair localEphemeral,
      SecureRandom random) {
    this.initiator = initiator;
    this.localStatic = localStatic;
    this.localEphemeral = localEphemeral;
    this.random = random;
    this.symmetric = new SymmetricState(PROTOCOL_NAME);
    symmetric.mixHash(prologue);
  }

  boolean isInitiator() {
    return initiator;
  }

  /** Whether the next message is ours to write. */
  boolean isMyTurnToWrite() {
    return !isComplete() && (messageIndex % 2 == 0) == initiator;
  }

  boolean isComplete() {
    return messageIndex == XX.size();
  }

  /** 1-based number of the next handshake message (1, 2 or 3), or 4 once complete. */
  int nextMessageNumber() {
    return messageIndex + 1;
  }

  /** {@code WriteMessage(payload, message_buffer)}. */
  byte[] writeMessage(byte[] payload) throws NoiseException {
    checkUsable(true);
    boolean ok = false;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Token token : XX.get(messageIndex)) {
        switch (token) {
          case E:
            if (localEphemeral == null) {
              localEphemeral = X25519KeyPair.generate(random);
            }
            byte[] e = localEphemeral.publicKey();
            out.writeBytes(e);
            symmetric.mixHash(e);
            break;
          case S:
            out.writeBytes(symmetric.encryptAndHash(localStatic.publicKey()));
            break;
          default:
            mixDh(token);
        }
      }
      out.writeBytes(symmetric.encryptAndHash(payload));
      byte[] message = out.toByteArray();
      if (message.length > MAX_MESSAGE_BYTES) {
        throw new NoiseException(
            "a Noise message is at most " + MAX_MESSAGE_BYTES + " bytes, got " + message.length);
      }
      advance();
      ok = true;
      return message;
    } finally {
      failed |= !ok;
    }
  }

  /** {@code ReadMessage(message, payload_buffer)}: returns the decrypted payload. */
  byte[] readMessage(byte[] message) throws NoiseException {
    checkUsable(false);
    boolean ok = false;
    try {
      if (message.length > MAX_MESSAGE_BYTES) {
        throw new NoiseException(
            "a Noise message is at most " + MAX_MESSAGE_BYTES + " bytes, got " + message.length);
      }
      int offset = 0;
      for (Token token : XX.get(messageIndex)) {
        switch (token) {
          case E:
            remoteEphemeral = take(message, offset, X25519.KEY_BYTES, "the remote ephemeral key");
            offset += X25519.KEY_BYTES;
            symmetric.mixHash(remoteEphemeral);
            break;
          case S:
            int length = X25519.KEY_BYTES + (symmetric.hasKey() ? CipherState.TAG_BYTES : 0);
            remoteStatic =
                symmetric.decryptAndHash(take(message, offset, length, "the remote static key"));
            offset += length;
            break;
          default:
            mixDh(token);
        }
      }
      byte[] rest = Arrays.copyOfRange(message, offset, message.length);
      if (symmetric.hasKey() && rest.length < CipherState.TAG_BYTES) {
        throw truncated(
            "the payload's authentication tag", offset + CipherState.TAG_BYTES, message);
      }
      byte[] payload = symmetric.decryptAndHash(rest);
      advance();
      ok = true;
      return payload;
    } finally {
      failed |= !ok;
    }
  }

  /** {@code h}: a copy of the handshake hash (final once the handshake is complete). */
  byte[] handshakeHash() {
    return symmetric.handshakeHash();
  }

  /** The remote static public key, once received (message 2 for the initiator, 3 else). */
  byte[] remoteStaticKey() {
    if (remoteStatic == null) {
      throw new IllegalStateException("the remote static key has not been received yet");
    }
    return remoteStatic.clone();
  }

  byte[] localStaticPublicKey() {
    return localStatic.publicKey();
  }

  /** {@code Split()}: [initiator-to-responder, responder-to-initiator]. */
  CipherState[] transportCiphers() {
    if (transportCiphers == null) {
      throw new IllegalStateException("the handshake is not complete");
    }
    return transportCiphers.clone();
  }

  private void mixDh(Token token) throws NoiseException {
    switch (token) {
      case EE:
        symmetric.mixKey(X25519.dh(localEphemeral.privateKey(), remoteEphemeral));
        break;
      case ES: // DH(e, rs) as initiator, DH(s, re) as responder
        symmetric.mixKey(
            initiator
                ? X25519.dh(localEphemeral.privateKey(), remoteStatic)
                : X25519.dh(localStatic.privateKey(), remoteEphemeral));
        break;
      case SE: // DH(s, re) as initiator, DH(e, rs) as responder
        symmetric.mixKey(
            initiator
                ? X25519.dh(localStatic.privateKey(), remoteEphemeral)
                : X25519.dh(localEphemeral.privateKey(), remoteStatic));
        break;
      default:
        throw new IllegalStateException("not a DH token: " + token);
    }
  }

  private void advance() {
    messageIndex++;
    if (isComplete()) {
      transportCiphers = symmetric.split();
      localEphemeral = null;
    }
  }

  private void checkUsable(boolean writing) {
    if (failed) {
      throw new IllegalStateException("the handshake failed earlier; drop the connection");
    }
    if (isComplete()) {
      throw new IllegalStateException("the handshake is already complete");
    }
    if (isMyTurnToWrite() != writing) {
      throw new IllegalStateException(
          "message "
              + nextMessageNumber()
              + " is for the "
              + (writing ? "remote peer" : "local peer")
              + " to write");
    }
  }

  private static byte[] take(byte[] message, int offset, int length, String what)
      throws NoiseException {
    if (message.length < offset + length) {
      throw truncated(what, offset + length, message);
    }
    return Arrays.copyOfRange(message, offset, offset + length);
  }

  private static NoiseHandshakeException truncated(String what, int needed, byte[] message) {
    return new NoiseHandshakeException(
        "truncated Noise handshake message: "
            + what
            + " needs "
            + needed
            + " bytes, the message has "
            + message.length);
  }
}
