package dev.payrelay.p2p.core;

import java.util.Optional;

/**
 * Strict text forms of IP addresses, without {@link java.net.InetAddress} (which may resolve
 * names). IPv4: dotted decimal, four parts, no leading zeros. IPv6: RFC 4291 section 2.2 (with an
 * optional dotted IPv4 tail), printed as RFC 5952 recommends.
 */
final class IpText {
  static final int IP4_BYTES = 4;
  static final int IP6_BYTES = 16;

  private static final int IP6_GROUPS = 8;
  private static final int MAX_IP6_CHARS = 45;

  private IpText() {}

  /** The four bytes of a dotted-decimal IPv4 address, or empty if it is not one. */
  static Optional<byte[]> parseIp4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != IP4_BYTES) {
      return Optional.empty();
    }
    byte[] out = new byte[IP4_BYTES];
    for (int i = 0; i < IP4_BYTES; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !isDigits(part)) {
        return Optional.empty();
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return Optional.empty();
      }
      out[i] = (byte) value;
    }
    return Optional.of(out);
  }

  static String formatIp4(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff)
        + "."
        + (bytes[offset + 1] & 0xff)
        + "."
        + (bytes[offset + 2] & 0xff)
        + "."
        + (bytes[offset + 3] & 0xff);
  }

  /** The sixteen bytes of an IPv6 address, or empty if it is not one. */
  static Optional<byte[]> parseIp6(String text) {
    if (text.length() < 2 || text.length() > MAX_IP6_CHARS) {
      return Optional.empty();
    }
    int[] groups = new int[IP6_GROUPS];
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    int[] headGroups = parseGroups(head, gap < 0);
    int[] tailGroups = gap >= 0 ? parseGroups(tail, true) : new int[0];
    if (headGroups == null || tailGroups == null) {
      return Optional.empty();
    }
    int count = headGroups.length + tailGroups.length;
    if (gap < 0 ? count != IP6_GROUPS : count > IP6_GROUPS - 1) {
      return Optional.empty();
    }
    System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, groups, IP6_GROUPS - tailGroups.length, tailGroups.length);
    byte[] out = new byte[IP6_BYTES];
    for (int i = 0; i < IP6_GROUPS; i++) {
      out[2 * i] = (byte) (groups[i] >>> 8);
      out[2 * i + 1] = (byte) groups[i];
    }
    return Optional.of(out);
  }

  /**
   * Colon-separated 16-bit groups; when {@code mayEndInIp4}, the last part may be a dotted IPv4
   * address worth two groups. Null if malformed; an empty string is zero groups.
   */
  private static int[] parseGroups(String text, boolean mayEndInIp4) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    boolean ip4Tail = mayEndInIp4 && parts[parts.length - 1].contains(".");
    int[] out = new int[parts.length + (ip4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (ip4Tail && i == parts.length - 1) {
        Optional<byte[]> ip4 = parseIp4(part);
        if (ip4.isEmpty()) {
          return null;
        }
        byte[] b = ip4.get();
        out[i] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        out[i + 1] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
      } else {
        if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
          return null;
        }
        out[i] = Integer.parseInt(part, 16);
      }
    }
    return out;
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  static String formatIp6(byte[] bytes, int offset) {
    int[] groups = new int[IP6_GROUPS];
    for (int i = 0; i < IP6_GROUPS; i++) {
      groups[i] = ((bytes[offset + 2 * i] & 0xff) << 8) | (bytes[offset + 2 * i + 1] & 0xff);
    }
    boolean ip4Mapped =
        groups[0] == 0
            && groups[1] == 0
            && groups[2] == 0
            && groups[3] == 0
            && groups[4] == 0
            && groups[5] == 0xffff;
    if (ip4Mapped) {
      return "::ffff:" + formatIp4(bytes, offset + 12);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < IP6_GROUPS; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < IP6_GROUPS && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder out = new StringBuilder(MAX_IP6_CHARS);
    for (int i = 0; i < IP6_GROUPS; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) {
        return false;
      }
    }
    return true;
  }
}
