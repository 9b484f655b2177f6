package dev.payrelay.p2p.mux.yamux;

/**
 * Which side of the connection a session is: the dialer (client) opens odd stream ids, the listener
 * (server) even ones; 0 is the session.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md#streamid-field">yamux,
 *     StreamID Field</a>
 */
public enum YamuxRole {
  DIALER(1),
  LISTENER(2);

  private final int firstStreamId;

  YamuxRole(int firstStreamId) {
    this.firstStreamId = firstStreamId;
  }

  int firstStreamId() {
    return firstStreamId;
  }

  /** Whether {@code streamId} has this role's parity. */
  boolean owns(int streamId) {
    return (streamId & 1) == (firstStreamId & 1);
  }
}
