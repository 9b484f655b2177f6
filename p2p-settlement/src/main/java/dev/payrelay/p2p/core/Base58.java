package dev.payrelay.p2p.core;

import java.util.Arrays;

/**
 * base58btc: the Bitcoin alphabet, big-endian, each leading zero byte written as one {@code '1'}.
 * The canonical text form of peer ids.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#string-representation">
 * peer-ids, "String representation"</a>, and the base58btc entry of <a
 * href="https://github.com/multiformats/multibase">multibase</a>. The quadratic schoolbook
 * conversion is fine for the short strings libp2p uses; callers bound the input length.
 */
final class Base58 {
  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private static final int BASE = 58;
  private static final int[] DIGITS = new int[128];

  static {
    Arrays.fill(DIGITS, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DIGITS[ALPHABET.charAt(i)] = i;
    }
  }

  private Base58() {}

  static String encode(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    // log(256) / log(58) < 1.37; digits are stored least significant first.
    byte[] digits = new byte[(bytes.length - zeros) * 137 / 100 + 1];
    int used = 0;
    for (int i = zeros; i < bytes.length; i++) {
      int carry = bytes[i] & 0xff;
      for (int j = 0; j < used; j++) {
        carry += (digits[j] & 0xff) << 8;
        digits[j] = (byte) (carry % BASE);
        carry /= BASE;
      }
      while (carry > 0) {
        digits[used++] = (byte) (carry % BASE);
        carry /= BASE;
      }
    }
    StringBuilder out = new StringBuilder(zeros + used);
    out.append("1".repeat(zeros));
    for (int j = used - 1; j >= 0; j--) {
      out.append(ALPHABET.charAt(digits[j]));
    }
    return out.toString();
  }

  /**
   * @throws BaseEncodingException naming the first character outside the alphabet
   */
  static byte[] decode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    // log(58) / log(256) < 0.733; bytes are stored least significant first.
    byte[] bytes = new byte[(text.length() - zeros) * 733 / 1000 + 1];
    int used = 0;
    for (int i = zeros; i < text.length(); i++) {
      char c = text.charAt(i);
      int digit = c < DIGITS.length ? DIGITS[c] : -1;
      if (digit < 0) {
        throw new BaseEncodingException(
            "character '" + printable(c) + "' at index " + i + " is not in the base58btc alphabet");
      }
      int carry = digit;
      for (int j = 0; j < used; j++) {
        carry += (bytes[j] & 0xff) * BASE;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[used++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + used];
    for (int j = 0; j < used; j++) {
      out[out.length - 1 - j] = bytes[j];
    }
    return out;
  }

  static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
