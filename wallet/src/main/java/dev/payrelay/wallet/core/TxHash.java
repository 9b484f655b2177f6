package dev.payrelay.wallet.core;

import java.util.Arrays;

/** A transaction hash: 32 bytes, written {@code 0x} and 64 hex digits. */
public final class TxHash {

  public static final int LENGTH = 32;

  private final byte[] bytes;

  private TxHash(byte[] bytes) {
    this.bytes = bytes;
  }

  public static TxHash parse(String text) {
    return new TxHash(Hex.decode(text, LENGTH, "a transaction hash"));
  }

  public static TxHash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new InvalidValueException("a transaction hash must be " + LENGTH + " bytes");
    }
    return new TxHash(bytes.clone());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TxHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Lower-case {@code 0x…}, as JSON-RPC writes it. */
  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
