package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.ProtoWriter;

/** Builds RPC bodies around raw message bytes for tests. */
final class RpcFrameDecoderTestSupport {
  private RpcFrameDecoderTestSupport() {}

  /** An RPC whose publish field holds {@code messageBytes} as they are. */
  static byte[] wrapAsPublish(byte[] messageBytes) {
    return new ProtoWriter().writeBytes(RpcCodec.RPC_PUBLISH, messageBytes).toByteArray();
  }
}
