package dev.payrelay.wallet.core;

import java.util.HexFormat;

/** Strict {@code 0x}-prefixed hexadecimal, as Ethereum's JSON-RPC and tools write it. */
public final class Hex {

  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  /**
   * Decodes {@code 0x…} into exactly {@code length} bytes.
   *
   * @param what names the value in the error message, e.g. "an address"
   */
  public static byte[] decode(String text, int length, String what) {
    byte[] bytes = decode(text, what);
    if (bytes.length != length) {
      throw new InvalidValueException(
          what
              + " must be "
              + length
              + " bytes ("
              + (2 + 2 * length)
              + " characters with 0x), got "
              + bytes.length
              + " bytes");
    }
    return bytes;
  }

  /** Decodes {@code 0x…} of any even length. */
  public static byte[] decode(String text, String what) {
    if (text == null) {
      throw new InvalidValueException(what + " is missing");
    }
    if (!text.startsWith("0x") && !text.startsWith("0X")) {
      throw new InvalidValueException(what + " must start with 0x");
    }
    String digits = text.substring(2);
    if (digits.length() % 2 != 0) {
      throw new InvalidValueException(what + " has an odd number of hex digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new InvalidValueException(
            what + " has a character that is not a hex digit at position " + (i + 2));
      }
    }
    return LOWER.parseHex(digits);
  }

  /** {@code 0x} followed by lower-case hex digits. */
  public static String encode(byte[] bytes) {
    return "0x" + LOWER.formatHex(bytes);
  }
}
