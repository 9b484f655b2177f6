package dev.payrelay.p2p.pubsub.gossip;

/**
 * Bytes that are not a gossipsub RPC we accept: malformed protobuf, a field over its limit, or (as
 * {@link RpcTooLargeException}) a frame longer than the maximum RPC size. The only exception the
 * codec and the frame decoder throw for bad input.
 */
public class RpcFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RpcFormatException(String message) {
    super(message);
  }

  public RpcFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
