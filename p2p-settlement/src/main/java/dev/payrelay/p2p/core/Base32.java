package dev.payrelay.p2p.core;

/**
 * RFC 4648 base32, lower case, without padding: multibase {@code 'b'}, the default text form of
 * CIDs (and so of peer ids written as CIDv1).
 *
 * <p>Spec: <a href="https://github.com/multiformats/multibase">multibase</a> and RFC 4648, section
 * 6. Decoding is strict: only the lower-case alphabet, no padding, no impossible lengths, and the
 * unused low bits of the last character must be zero, so every byte string has one text form.
 */
final class Base32 {
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

  private static final int BITS_PER_CHAR = 5;
  private static final int CHAR_MASK = 0x1f;

  private Base32() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / BITS_PER_CHAR);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= BITS_PER_CHAR) {
        bits -= BITS_PER_CHAR;
        out.append(ALPHABET.charAt((buffer >>> bits) & CHAR_MASK));
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (BITS_PER_CHAR - bits)) & CHAR_MASK));
    }
    return out.toString();
  }

  /**
   * @throws BaseEncodingException for characters outside the alphabet, an impossible length, or
   *     non-zero trailing bits
   */
  static byte[] decode(String text) {
    int remainder = text.length() % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      throw new BaseEncodingException(
          "base32 text of " + text.length() + " characters cannot be a whole number of bytes");
    }
    byte[] out = new byte[text.length() * BITS_PER_CHAR / 8];
    int buffer = 0;
    int bits = 0;
    int written = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new BaseEncodingException(
            "character '"
                + Base58.printable(c)
                + "' at index "
                + i
                + " is not in the lower-case base32 alphabet");
      }
      buffer = (buffer << BITS_PER_CHAR) | value;
      bits += BITS_PER_CHAR;
      if (bits >= 8) {
        bits -= 8;
        out[written++] = (byte) (buffer >>> bits);
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new BaseEncodingException("base32 text has non-zero trailing bits");
    }
    return out;
  }
}
