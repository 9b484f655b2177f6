package dev.payrelay.p2p.transport.tcp;

import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.StreamHandler;
import java.net.InetSocketAddress;

/**
 * What the transport asks of the host that owns its connections. Called on the connection's event
 * loop; must not block.
 */
public interface ConnectionOwner {

  /** Whether to take an accepted socket at all (connection limits); false closes it at once. */
  boolean admitInbound(InetSocketAddress remote);

  /** The handler serving {@code protocolId} on inbound streams, or {@code null} to answer na. */
  StreamHandler streamHandler(String protocolId);

  /**
   * A connection finished its upgrade. Return false to refuse it (limits, a peer not allowed): the
   * transport then closes it and fails the dial.
   */
  boolean onUpgraded(Connection connection);

  /** A connection that {@link #onUpgraded} accepted has closed. */
  void onClosed(Connection connection);
}
