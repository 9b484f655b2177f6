package dev.payrelay.p2p.core;

/**
 * The input ended inside a varint. From a complete message this is malformed input; from a stream
 * it means "wait for more bytes" (see {@link Varint#decode(java.nio.ByteBuffer)}, which reports it
 * without an exception).
 */
public final class TruncatedVarintException extends VarintException {
  private static final long serialVersionUID = 1L;

  public TruncatedVarintException(String message) {
    super(message);
  }
}
