package dev.payrelay.p2p.security.noise;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.p2p.core.ProtobufException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The payload of handshake messages 2 and 3:
 *
 * <pre>
 * message NoiseHandshakePayload {
 *   bytes identity_key = 1;          // a serialized libp2p PublicKey
 *   bytes identity_sig = 2;          // sign("noise-libp2p-static-key:" || X25519 static key)
 *   NoiseExtensions extensions = 4;  // optional
 * }
 * </pre>
 *
 * <p>Field 3 ({@code data}, early data of older revisions) and unknown fields are skipped. An
 * absent {@code extensions} decodes as {@link NoiseExtensions#NONE}; empty extensions are not
 * written.
 *
 * @param identityKey the sender's serialized libp2p {@code PublicKey} protobuf
 * @param identitySignature its signature over {@link #signedData(byte[])}
 * @param extensions the sender's extensions
 * @see <a
 *     href="https://github.com/libp2p/specs/blob/master/noise/README.md#the-libp2p-handshake-payload">
 *     noise-libp2p, The libp2p Handshake Payload</a>
 */
public record NoiseHandshakePayload(
    byte[] identityKey, byte[] identitySignature, NoiseExtensions extensions) {

  /** The prefix of the signed data, from the spec. */
  public static final String STATIC_KEY_SIGNATURE_PREFIX = "noise-libp2p-static-key:";

  /** Longest serialized identity key accepted, in bytes (an RSA-4096 key is about 550). */
  static final int MAX_IDENTITY_KEY_BYTES = 1_024;

  /** Longest identity signature accepted, in bytes (RSA-4096: 512, Ed25519: 64). */
  static final int MAX_IDENTITY_SIGNATURE_BYTES = 1_024;

  /** Longest encoded extensions message accepted, in bytes. */
  static final int MAX_EXTENSIONS_BYTES = 16_384;

  public NoiseHandshakePayload {
    identityKey = identityKey.clone();
    identitySignature = identitySignature.clone();
  }

  /** The bytes the identity key signs: {@code "noise-libp2p-static-key:" || staticPublicKey}. */
  public static byte[] signedData(byte[] noiseStaticPublicKey) {
    byte[] prefix = STATIC_KEY_SIGNATURE_PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] data = Arrays.copyOf(prefix, prefix.length + noiseStaticPublicKey.length);
    System.arraycopy(noiseStaticPublicKey, 0, data, prefix.length, noiseStaticPublicKey.length);
    return data;
  }

  public byte[] encode() {
    ProtoWriter writer =
        new ProtoWriter().writeBytes(1, identityKey).writeBytes(2, identitySignature);
    if (!extensions.isEmpty()) {
      writer.writeBytes(4, extensions.encode());
    }
    return writer.toByteArray();
  }

  /**
   * Decodes a payload from untrusted bytes.
   *
   * @throws NoiseHandshakeException if it is not a protobuf, or lacks the key or the signature
   */
  public static NoiseHandshakePayload decode(byte[] encoded) throws NoiseHandshakeException {
    byte[] key = null;
    byte[] signature = null;
    NoiseExtensions extensions = NoiseExtensions.NONE;
    try {
      ProtoReader reader = new ProtoReader(encoded);
      while (reader.next()) {
        switch (reader.fieldNumber()) {
          case 1 -> key = reader.readBytes(MAX_IDENTITY_KEY_BYTES);
          case 2 -> signature = reader.readBytes(MAX_IDENTITY_SIGNATURE_BYTES);
          case 4 -> extensions = NoiseExtensions.decode(reader.readMessage(MAX_EXTENSIONS_BYTES));
          default -> reader.skip();
        }
      }
    } catch (ProtobufException e) {
      throw new NoiseHandshakeException("malformed NoiseHandshakePayload: " + e.getMessage(), e);
    }
    if (key == null || key.length == 0) {
      throw new NoiseHandshakeException("the NoiseHandshakePayload has no identity_key");
    }
    if (signature == null || signature.length == 0) {
      throw new NoiseHandshakeException("the NoiseHandshakePayload has no identity_sig");
    }
    return new NoiseHandshakePayload(key, signature, extensions);
  }

  @Override
  public byte[] identityKey() {
    return identityKey.clone();
  }

  @Override
  public byte[] identitySignature() {
    return identitySignature.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoiseHandshakePayload that
        && Arrays.equals(identityKey, that.identityKey)
        && Arrays.equals(identitySignature, that.identitySignature)
        && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(identityKey);
  }

  @Override
  public String toString() {
    return "NoiseHandshakePayload[identityKey="
        + HexFormat.of().formatHex(identityKey)
        + ", extensions="
        + extensions
        + "]";
  }
}
