package dev.payrelay.p2p.core;

/**
 * The {@code KeyType} enum of the libp2p key protobufs, with its wire numbers.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#keys">peer-ids,
 * "Keys"</a>.
 */
public enum KeyType {
  RSA(0),
  ED25519(1),
  SECP256K1(2),
  ECDSA(3);

  private final int number;

  KeyType(int number) {
    this.number = number;
  }

  /** The protobuf enum number. */
  public int number() {
    return number;
  }

  /**
   * The key type with protobuf enum number {@code number}.
   *
   * @throws KeyFormatException for a number libp2p does not define
   */
  public static KeyType fromNumber(long number) {
    for (KeyType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    throw new KeyFormatException("unknown key type " + Long.toUnsignedString(number));
  }
}
