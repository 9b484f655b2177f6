package dev.payrelay.p2p.core;

/**
 * Malformed protobuf input: truncated, a length past the end or over a limit, a bad tag, or a known
 * field carrying the wrong wire type.
 */
public class ProtobufException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ProtobufException(String message) {
    super(message);
  }
}
