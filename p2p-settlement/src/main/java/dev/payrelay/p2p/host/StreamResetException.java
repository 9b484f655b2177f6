package dev.payrelay.p2p.host;

/** A stream was reset, or its connection closed, before it could be used. */
public final class StreamResetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StreamResetException(String message) {
    super(message);
  }
}
