package dev.payrelay.p2p.host;

/**
 * Told about connections as they come and go, on the connection's event loop. Must not block. A
 * peer may have several connections at once (both peers dialled); each is reported.
 */
public interface ConnectionListener {

  /**
   * A connection is secured and multiplexed; streams may be opened on it. Identify has been
   * started, not necessarily finished: wait for {@link #onIdentified} to know its protocols.
   */
  default void onConnected(Connection connection) {}

  /** Identify completed on {@code connection}; the peer store holds the peer's protocols. */
  default void onIdentified(Connection connection) {}

  /** The connection closed; its streams are reset. */
  default void onDisconnected(Connection connection) {}
}
