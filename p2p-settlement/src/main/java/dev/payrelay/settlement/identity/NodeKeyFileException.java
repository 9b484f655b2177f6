package dev.payrelay.settlement.identity;

/**
 * The node key file cannot be used: readable by others than its owner, malformed, or not readable
 * or writable at all. The message says which file and what to do; the node refuses to start.
 */
public final class NodeKeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NodeKeyFileException(String message) {
    super(message);
  }

  NodeKeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
