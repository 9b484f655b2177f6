package dev.payrelay.p2p.core;

/**
 * Text or bytes that are not a multiaddr we accept: an unknown protocol, a missing or invalid
 * value, truncated or trailing bytes, or more than {@link Multiaddr#MAX_BYTES} bytes.
 */
public class MultiaddrException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MultiaddrException(String message) {
    super(message);
  }

  public MultiaddrException(String message, Throwable cause) {
    super(message, cause);
  }
}
