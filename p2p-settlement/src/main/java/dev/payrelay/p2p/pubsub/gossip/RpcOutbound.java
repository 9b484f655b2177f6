package dev.payrelay.p2p.pubsub.gossip;

/**
 * Where the router writes one peer's RPCs: the adapter's outbound {@code /meshsub/*} stream to that
 * peer. Called on the router's thread with a complete frame (uvarint length ‖ RPC protobuf); it
 * must not block (enqueue the write) and must not call back into the router.
 */
@FunctionalInterface
public interface RpcOutbound {
  void send(byte[] framedRpc);
}
