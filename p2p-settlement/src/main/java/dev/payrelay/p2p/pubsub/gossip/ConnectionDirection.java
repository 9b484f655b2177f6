package dev.payrelay.p2p.pubsub.gossip;

/**
 * Who opened the connection to a peer. gossipsub v1.1 keeps at least {@code D_out} peers of
 * connections we dialed in every mesh, so peers that dial us cannot take a mesh over.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#outbound-mesh-quotas">
 * gossipsub v1.1 "Outbound Mesh Quotas"</a>.
 */
public enum ConnectionDirection {
  /** We dialed the peer. */
  OUTBOUND,
  /** The peer dialed us. */
  INBOUND
}
