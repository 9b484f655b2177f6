package dev.payrelay.p2p.core;

/** Bytes or text that are not a peer id we accept. */
public class PeerIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PeerIdException(String message) {
    super(message);
  }

  public PeerIdException(String message, Throwable cause) {
    super(message, cause);
  }
}
