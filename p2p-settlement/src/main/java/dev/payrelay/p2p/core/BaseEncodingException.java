package dev.payrelay.p2p.core;

/** Text that is not valid in a base encoding ({@link Base58}, {@link Base32}). */
final class BaseEncodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  BaseEncodingException(String message) {
    super(message);
  }
}
