package dev.payrelay.p2p.pubsub.gossip;

/**
 * A length prefix announcing an RPC over the limit. Thrown as soon as the prefix is read, before
 * any byte of the body is buffered; the stream it came from cannot be resynchronised and should be
 * reset.
 */
public final class RpcTooLargeException extends RpcFormatException {
  private static final long serialVersionUID = 1L;

  private final long announcedBytes;
  private final int limitBytes;

  public RpcTooLargeException(long announcedBytes, int limitBytes) {
    super("RPC of " + announcedBytes + " bytes is over the limit of " + limitBytes + " bytes");
    this.announcedBytes = announcedBytes;
    this.limitBytes = limitBytes;
  }

  public long announcedBytes() {
    return announcedBytes;
  }

  public int limitBytes() {
    return limitBytes;
  }
}
