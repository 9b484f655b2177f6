package dev.payrelay.p2p.core;

/**
 * A malformed, non-canonical or unsupported libp2p key encoding, or key bytes of the wrong size.
 */
public class KeyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
