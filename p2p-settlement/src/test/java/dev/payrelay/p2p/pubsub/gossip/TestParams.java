package dev.payrelay.p2p.pubsub.gossip;

/** The default parameters with the few knobs tests turn. */
final class TestParams {
  private TestParams() {}

  static GossipParams with(int dOut, boolean floodPublish) {
    GossipParams d = GossipParams.defaults();
    return new GossipParams(
        d.d(),
        d.dLo(),
        d.dHi(),
        d.dLazy(),
        d.dScore(),
        dOut,
        d.gossipFactor(),
        d.heartbeatInterval(),
        d.fanoutTtl(),
        d.mcacheLength(),
        d.mcacheGossip(),
        d.seenTtl(),
        d.pruneBackoff(),
        d.unsubscribeBackoff(),
        d.graftFloodThreshold(),
        floodPublish,
        d.maxIHaveLength(),
        d.maxIHaveMessages(),
        d.gossipRetransmission(),
        d.iwantFollowupTime(),
        d.maxRpcBytes(),
        d.score());
  }
}
