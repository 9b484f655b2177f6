package dev.payrelay.p2p.core;

import java.util.Optional;

/**
 * The multiaddr protocols this stack understands, with their codes from the multicodec table and
 * the size of their binary value.
 *
 * <p>Spec: <a href="https://github.com/multiformats/multiaddr/blob/master/protocols.csv">multiaddr
 * protocols.csv</a>. {@code /ipfs/} is read as the old name of {@code /p2p/} (same code, 421).
 */
public enum MultiaddrProtocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  IP6(41, "ip6", 16),
  DNS(53, "dns", MultiaddrProtocol.LENGTH_PREFIXED),
  DNS4(54, "dns4", MultiaddrProtocol.LENGTH_PREFIXED),
  DNS6(55, "dns6", MultiaddrProtocol.LENGTH_PREFIXED),
  P2P(421, "p2p", MultiaddrProtocol.LENGTH_PREFIXED);

  /** {@link #valueBytes()} of protocols whose value is a varint length and that many bytes. */
  public static final int LENGTH_PREFIXED = -1;

  private static final String P2P_OLD_NAME = "ipfs";

  private final int code;
  private final String protocolName;
  private final int valueBytes;

  MultiaddrProtocol(int code, String protocolName, int valueBytes) {
    this.code = code;
    this.protocolName = protocolName;
    this.valueBytes = valueBytes;
  }

  /** The multicodec code, written as a varint in the binary form. */
  public int code() {
    return code;
  }

  /** The name in the text form, e.g. {@code "ip4"}. */
  public String protocolName() {
    return protocolName;
  }

  /** The fixed size of the binary value, or {@link #LENGTH_PREFIXED}. */
  public int valueBytes() {
    return valueBytes;
  }

  /** Whether this names a host: an IP address or a DNS name. */
  public boolean isHost() {
    return this == IP4 || this == IP6 || this == DNS || this == DNS4 || this == DNS6;
  }

  static Optional<MultiaddrProtocol> byName(String name) {
    if (name.equals(P2P_OLD_NAME)) {
      return Optional.of(P2P);
    }
    for (MultiaddrProtocol protocol : values()) {
      if (protocol.protocolName.equals(name)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }

  static Optional<MultiaddrProtocol> byCode(long code) {
    for (MultiaddrProtocol protocol : values()) {
      if (protocol.code == code) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
