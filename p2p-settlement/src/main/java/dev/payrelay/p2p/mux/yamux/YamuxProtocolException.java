package dev.payrelay.p2p.mux.yamux;

/**
 * A violation of the yamux protocol by the peer. The session answers it with a go away carrying
 * {@link YamuxFrame#GO_AWAY_PROTOCOL_ERROR} and stops.
 */
public final class YamuxProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  public YamuxProtocolException(String message) {
    super(message, null, false, false);
  }
}
