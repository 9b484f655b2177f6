package dev.payrelay.p2p.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid values for the property-style tests. */
final class RandomValues {
  private static final String DNS_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-.";

  private RandomValues() {}

  /** Values spread over every encoded length, with the edges of each length over-represented. */
  static long varintValue(SplittableRandom random) {
    int bits = random.nextInt(64);
    return switch (random.nextInt(4)) {
      case 0 -> bits == 63 ? Varint.MAX_VALUE : (1L << bits) - 1;
      case 1 -> bits == 63 ? Varint.MAX_VALUE : 1L << bits;
      default -> random.nextLong() >>> (1 + random.nextInt(63));
    };
  }

  static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  static byte[] bytesWithLeadingZeros(SplittableRandom random, int maxLength) {
    byte[] out = bytes(random, random.nextInt(maxLength + 1));
    int zeros = out.length == 0 ? 0 : random.nextInt(Math.min(4, out.length) + 1);
    for (int i = 0; i < zeros; i++) {
      out[i] = 0;
    }
    return out;
  }

  static PeerId peerId(SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> Ed25519KeyPair.fromSeed(bytes(random, 32)).peerId();
      case 1 -> PeerId.fromPublicKey(new PublicKey(KeyType.SECP256K1, bytes(random, 33)));
      default -> PeerId.fromPublicKey(new PublicKey(KeyType.RSA, bytes(random, 270)));
    };
  }

  static Multiaddr multiaddr(SplittableRandom random) {
    List<String> parts = new ArrayList<>();
    int components = 1 + random.nextInt(4);
    for (int i = 0; i < components; i++) {
      MultiaddrProtocol protocol =
          MultiaddrProtocol.values()[random.nextInt(MultiaddrProtocol.values().length)];
      parts.add("/" + protocol.protocolName() + "/" + value(random, protocol));
    }
    return Multiaddr.parse(String.join("", parts));
  }

  private static String value(SplittableRandom random, MultiaddrProtocol protocol) {
    switch (protocol) {
      case IP4:
        return IpText.formatIp4(bytes(random, 4), 0);
      case IP6:
        byte[] ip6 = bytes(random, 16);
        for (int i = 0; i < 16; i++) {
          if (random.nextInt(3) == 0) {
            ip6[i] = 0; // runs of zero groups exercise "::"
          }
        }
        return IpText.formatIp6(ip6, 0);
      case TCP:
        return Integer.toString(random.nextInt(65_536));
      case P2P:
        PeerId id = peerId(random);
        return random.nextBoolean() ? id.toBase58() : id.toCid();
      default:
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
          name.append(DNS_CHARS.charAt(random.nextInt(DNS_CHARS.length())));
        }
        if (random.nextInt(10) == 0) {
          name.append("ü.example");
        }
        return name.toString();
    }
  }
}
