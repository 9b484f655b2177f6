package dev.payrelay.wallet.core;

/**
 * An EIP-155 chain id (1 for Ethereum mainnet, 8453 for Base, 1337 for the dev chain). Written
 * {@code eip155:<id>} in CAIP-2 form.
 */
public record ChainId(long value) implements Comparable<ChainId> {

  /** EIP-2294 bounds chain ids to what fits in a signed 64-bit integer / 2 - 36. */
  public static final long MAX = Long.MAX_VALUE / 2 - 36;

  public static final ChainId MAINNET = new ChainId(1);

  public ChainId {
    if (value < 1 || value > MAX) {
      throw new InvalidValueException("a chain id must be between 1 and " + MAX + ", got " + value);
    }
  }

  public static ChainId of(long value) {
    return new ChainId(value);
  }

  /** The CAIP-2 form, {@code eip155:1}. */
  public String caip2() {
    return "eip155:" + value;
  }

  @Override
  public int compareTo(ChainId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
