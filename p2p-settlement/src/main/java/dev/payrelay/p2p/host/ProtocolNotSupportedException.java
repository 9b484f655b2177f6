package dev.payrelay.p2p.host;

import java.util.List;

/** The peer answered {@code na} to every protocol proposed for a new stream. */
public final class ProtocolNotSupportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolNotSupportedException(List<String> protocolIds) {
    super("the peer supports none of " + protocolIds);
  }
}
