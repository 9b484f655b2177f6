package dev.payrelay.wallet.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.web3j.crypto.Hash;

/**
 * A 20-byte Ethereum account or contract address.
 *
 * <p>Parsing follows <a href="https://eips.ethereum.org/EIPS/eip-55">EIP-55</a>: all lower-case and
 * all upper-case hex carry no checksum and are accepted; mixed case is a checksum and must match,
 * so a mistyped address is caught before money is sent to it. Addresses print in checksummed form.
 */
public final class Address implements Comparable<Address> {

  public static final int LENGTH = 20;

  /** The zero address; the payment proxies use it as "the native asset" in events. */
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address parse(String text) {
    byte[] bytes = Hex.decode(text, LENGTH, "an address");
    Address address = new Address(bytes);
    String digits = text.substring(2);
    boolean mixedCase =
        !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
            && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
    if (mixedCase && !address.toChecksumString().substring(2).equals(digits)) {
      throw new InvalidValueException(
          "the address "
              + text
              + " has a wrong EIP-55 checksum (mixed case that does not match); check it was"
              + " copied correctly, or write it all lower-case");
    }
    return address;
  }

  public static Address of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new InvalidValueException("an address must be " + LENGTH + " bytes");
    }
    return new Address(bytes.clone());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  /** EIP-55 mixed-case form. */
  public String toChecksumString() {
    String lower = HexFormat.of().formatHex(bytes);
    byte[] hash = Hash.sha3(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder(2 + 2 * LENGTH).append("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /** Lower-case {@code 0x…}, as JSON-RPC and log topics compare it. */
  public String toLowerHex() {
    return Hex.encode(bytes);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toChecksumString();
  }
}
