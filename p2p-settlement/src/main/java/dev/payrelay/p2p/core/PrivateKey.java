package dev.payrelay.p2p.core;

import java.util.Arrays;

/**
 * The {@code PrivateKey} protobuf of the peer-ids spec, the format libp2p stores node keys in: a
 * {@link KeyType} and the key bytes in that type's encoding (for Ed25519, 64 bytes: seed ‖ public
 * key). It only carries bytes; {@link Ed25519KeyPair#fromPrivateKey} makes a usable key of it.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#keys">peer-ids,
 * "Keys"</a>. {@link #toString()} never shows the key bytes.
 */
public final class PrivateKey {
  private final KeyType type;
  private final byte[] data;

  public PrivateKey(KeyType type, byte[] data) {
    if (data.length > KeyProto.MAX_DATA_BYTES) {
      throw new KeyFormatException("private key data of " + data.length + " bytes is too large");
    }
    this.type = type;
    this.data = data.clone();
  }

  /**
   * Decodes a {@code PrivateKey} protobuf (canonical encoding only).
   *
   * @throws KeyFormatException for anything else
   */
  public static PrivateKey unmarshal(byte[] encoded) {
    KeyProto.Decoded decoded = KeyProto.decode(encoded, "PrivateKey");
    return new PrivateKey(decoded.type(), decoded.data());
  }

  /** The {@code PrivateKey} protobuf: {@code 08 <type> 12 <length> <data>}. */
  public byte[] marshal() {
    return KeyProto.encode(type, data);
  }

  public KeyType type() {
    return type;
  }

  /** The key bytes (a copy). */
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PrivateKey that && type == that.type && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "PrivateKey[" + type + ", redacted]";
  }
}
