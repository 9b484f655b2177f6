package dev.payrelay.p2p.core;

import java.util.Arrays;

/**
 * A libp2p public key: a {@link KeyType} and the key bytes in that type's encoding (raw 32 bytes
 * for Ed25519). Marshals to the {@code PublicKey} protobuf deterministically, as peer ids, Noise
 * handshake payloads, identify and gossipsub's {@code key} field need.
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md">peer-ids</a>,
 * "Keys" and "Note about deterministic encoding". Only Ed25519 keys can verify signatures here;
 * other types are carried and hashed into peer ids but {@link #canVerify()} is false.
 */
public final class PublicKey {
  private final KeyType type;
  private final byte[] data;

  /**
   * A key of {@code type} with {@code data} in that type's encoding.
   *
   * @throws KeyFormatException if an Ed25519 key is not 32 bytes, or data is over the size limit
   */
  public PublicKey(KeyType type, byte[] data) {
    if (type == KeyType.ED25519) {
      Ed25519.requireLength(data, Ed25519.PUBLIC_KEY_BYTES, "Ed25519 public key");
    }
    if (data.length > KeyProto.MAX_DATA_BYTES) {
      throw new KeyFormatException("public key data of " + data.length + " bytes is too large");
    }
    this.type = type;
    this.data = data.clone();
  }

  /** An Ed25519 public key from its raw 32 bytes. */
  public static PublicKey ed25519(byte[] raw) {
    return new PublicKey(KeyType.ED25519, raw);
  }

  /**
   * Decodes a {@code PublicKey} protobuf; only the canonical encoding is accepted, so {@code
   * unmarshal(b).marshal()} equals {@code b}.
   *
   * @throws KeyFormatException for anything else
   */
  public static PublicKey unmarshal(byte[] encoded) {
    KeyProto.Decoded decoded = KeyProto.decode(encoded, "PublicKey");
    return new PublicKey(decoded.type(), decoded.data());
  }

  /** The {@code PublicKey} protobuf: {@code 08 <type> 12 <length> <data>}. */
  public byte[] marshal() {
    return KeyProto.encode(type, data);
  }

  public KeyType type() {
    return type;
  }

  /** The key bytes in the type's encoding (a copy). */
  public byte[] data() {
    return data.clone();
  }

  /** Whether {@link #verify} can check signatures of this key type (Ed25519 only). */
  public boolean canVerify() {
    return type == KeyType.ED25519;
  }

  /**
   * Checks {@code signature} over {@code message}. False for a wrong or malformed signature, and
   * for key types that cannot be verified here (see {@link #canVerify()}).
   */
  public boolean verify(byte[] message, byte[] signature) {
    return canVerify() && Ed25519.verify(data, message, signature);
  }

  /** The peer id of this key. */
  public PeerId toPeerId() {
    return PeerId.fromPublicKey(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey that && type == that.type && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "PublicKey[" + type + ", " + data.length + " bytes]";
  }
}
