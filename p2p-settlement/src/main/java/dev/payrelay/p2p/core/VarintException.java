package dev.payrelay.p2p.core;

/**
 * Malformed unsigned varint: not minimally encoded, longer than {@link Varint#MAX_BYTES} bytes, or
 * (as {@link TruncatedVarintException}) cut short.
 */
public class VarintException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public VarintException(String message) {
    super(message);
  }
}
