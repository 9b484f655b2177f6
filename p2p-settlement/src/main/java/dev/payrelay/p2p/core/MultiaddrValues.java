package dev.payrelay.p2p.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text ↔ binary of each protocol's value, per the multiaddr spec: ip4 4 bytes, ip6 16 bytes, tcp a
 * big-endian u16, dns/dns4/dns6 UTF-8, p2p the peer id multihash. Every failure is a {@link
 * MultiaddrException}.
 */
final class MultiaddrValues {
  /** Our limit on a DNS name's value: the DNS limit on a name, 255 bytes. */
  static final int MAX_DNS_NAME_BYTES = 255;

  static final int MAX_PORT = 65_535;
  private static final int MAX_PORT_DIGITS = 5;

  private MultiaddrValues() {}

  static byte[] toBytes(MultiaddrProtocol protocol, String text) {
    switch (protocol) {
      case IP4:
        return IpText.parseIp4(text).orElseThrow(() -> invalid(protocol, text, "an IPv4 address"));
      case IP6:
        return IpText.parseIp6(text).orElseThrow(() -> invalid(protocol, text, "an IPv6 address"));
      case TCP:
        int port = parsePort(text);
        return new byte[] {(byte) (port >>> 8), (byte) port};
      case DNS:
      case DNS4:
      case DNS6:
        byte[] name = strictUtf8(protocol, text);
        checkDnsName(protocol, name);
        return name;
      case P2P:
        try {
          return PeerId.parse(text).toBytes();
        } catch (PeerIdException e) {
          throw new MultiaddrException("/p2p/ value is not a peer id: " + e.getMessage(), e);
        }
      default:
        throw new IllegalStateException("no text codec for " + protocol);
    }
  }

  /** Checks a binary value and returns its text form. */
  static String toText(MultiaddrProtocol protocol, byte[] value) {
    switch (protocol) {
      case IP4:
        return IpText.formatIp4(value, 0);
      case IP6:
        return IpText.formatIp6(value, 0);
      case TCP:
        return Integer.toString(((value[0] & 0xff) << 8) | (value[1] & 0xff));
      case DNS:
      case DNS4:
      case DNS6:
        checkDnsName(protocol, value);
        try {
          return StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
        } catch (CharacterCodingException e) {
          throw new MultiaddrException("/" + protocol.protocolName() + "/ name is not UTF-8", e);
        }
      case P2P:
        try {
          return PeerId.fromBytes(value).toBase58();
        } catch (PeerIdException e) {
          throw new MultiaddrException("/p2p/ value is not a peer id: " + e.getMessage(), e);
        }
      default:
        throw new IllegalStateException("no binary codec for " + protocol);
    }
  }

  private static byte[] strictUtf8(MultiaddrProtocol protocol, String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new MultiaddrException(
          "/" + protocol.protocolName() + "/ name is not valid Unicode", e);
    }
  }

  /** The largest value a length-prefixed protocol may carry. */
  static int maxValueBytes(MultiaddrProtocol protocol) {
    return protocol == MultiaddrProtocol.P2P ? PeerId.MAX_BYTES : MAX_DNS_NAME_BYTES;
  }

  private static int parsePort(String text) {
    if (text.isEmpty()
        || text.length() > MAX_PORT_DIGITS
        || !IpText.isDigits(text)
        || (text.length() > 1 && text.charAt(0) == '0')) {
      throw invalid(MultiaddrProtocol.TCP, text, "a port number 0.." + MAX_PORT);
    }
    int port = Integer.parseInt(text);
    if (port > MAX_PORT) {
      throw invalid(MultiaddrProtocol.TCP, text, "a port number 0.." + MAX_PORT);
    }
    return port;
  }

  private static void checkDnsName(MultiaddrProtocol protocol, byte[] name) {
    if (name.length == 0 || name.length > MAX_DNS_NAME_BYTES) {
      throw new MultiaddrException(
          "/"
              + protocol.protocolName()
              + "/ name must be 1.."
              + MAX_DNS_NAME_BYTES
              + " bytes, not "
              + name.length);
    }
    for (byte b : name) {
      if (b == '/') {
        throw new MultiaddrException("/" + protocol.protocolName() + "/ name contains '/'");
      }
    }
  }

  private static MultiaddrException invalid(MultiaddrProtocol protocol, String text, String what) {
    return new MultiaddrException(
        "/" + protocol.protocolName() + "/ value '" + abbreviate(text) + "' is not " + what);
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
