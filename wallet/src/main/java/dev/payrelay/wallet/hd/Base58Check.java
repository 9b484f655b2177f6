package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.InvalidValueException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Bitcoin's Base58Check: Base58 text of {@code payload || first 4 bytes of
 * SHA-256(SHA-256(payload))}. Error messages never repeat the input, which may be somebody's
 * private key.
 */
final class Base58Check {

  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  static final int CHECKSUM_BYTES = 4;
  private static final BigInteger BASE = BigInteger.valueOf(58);

  private Base58Check() {}

  /**
   * Decodes {@code text} and checks its checksum; in that order: alphabet, length, checksum.
   *
   * @param payloadBytes the expected payload length, checksum excluded
   * @param what names the value in messages, e.g. "an extended public key"
   */
  static byte[] decode(String text, int payloadBytes, String what) {
    byte[] raw = decodeBase58(text, what);
    if (raw.length != payloadBytes + CHECKSUM_BYTES) {
      throw new InvalidValueException(
          String.format(
              "%s has the wrong length: it decodes to %d bytes, expected %d (%d + a %d-byte"
                  + " checksum); was it truncated or copied with extra characters?",
              what, raw.length, payloadBytes + CHECKSUM_BYTES, payloadBytes, CHECKSUM_BYTES));
    }
    byte[] payload = Arrays.copyOf(raw, payloadBytes);
    byte[] expected = Arrays.copyOf(doubleSha256(payload), CHECKSUM_BYTES);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, payloadBytes, raw.length))) {
      throw new InvalidValueException(
          what + " has a bad checksum: a character was mistyped, changed or lost in copying");
    }
    return payload;
  }

  static String encode(byte[] payload) {
    byte[] raw = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
    System.arraycopy(doubleSha256(payload), 0, raw, payload.length, CHECKSUM_BYTES);
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, raw);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < raw.length && raw[i] == 0; i++) {
      out.append(ALPHABET.charAt(0));
    }
    return out.reverse().toString();
  }

  private static byte[] decodeBase58(String text, String what) {
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new InvalidValueException(
            String.format(
                "%s has a character that is not Base58 at position %d (Base58 has no 0, O, I or"
                    + " l, and no spaces or punctuation)",
                what, i + 1));
      }
      if (digit == 0 && value.signum() == 0) {
        leadingZeros++;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
    int sign = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] raw = new byte[leadingZeros + magnitude.length - sign];
    System.arraycopy(magnitude, sign, raw, leadingZeros, magnitude.length - sign);
    return raw;
  }

  static byte[] doubleSha256(byte[] data) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return sha256.digest(sha256.digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
