package dev.payrelay.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The one piece of ABI encoding the benchmarks need that the wallet does not offer: the test
 * token's constructor arguments {@code (string name, string symbol, uint8 decimals)}.
 */
final class Abi {

  private static final int WORD = 32;

  private Abi() {}

  /** The ABI encoding of {@code (name, symbol, decimals)}, hex without {@code 0x}. */
  static String tokenConstructor(String name, String symbol, int decimals) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
    int nameOffset = 3 * WORD;
    int symbolOffset = nameOffset + WORD + padded(n.length);
    return word(nameOffset)
        + word(symbolOffset)
        + word(decimals)
        + word(n.length)
        + data(n)
        + word(s.length)
        + data(s);
  }

  private static String word(long value) {
    String hex = BigInteger.valueOf(value).toString(16);
    return "0".repeat(2 * WORD - hex.length()) + hex;
  }

  private static String data(byte[] bytes) {
    byte[] out = new byte[padded(bytes.length)];
    System.arraycopy(bytes, 0, out, 0, bytes.length);
    return HexFormat.of().formatHex(out);
  }

  private static int padded(int length) {
    return (length + WORD - 1) / WORD * WORD;
  }
}
