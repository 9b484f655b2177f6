package dev.payrelay.p2p.pubsub.gossip;

import java.time.Duration;

/**
 * The router's parameters, with the defaults of the specs and of js-libp2p ({@link #defaults()}).
 *
 * @param d desired mesh degree (D)
 * @param dLo below this many mesh peers the heartbeat grafts more (D_lo)
 * @param dHi above this many mesh peers the heartbeat prunes down to D (D_hi)
 * @param dLazy minimum number of peers gossip (IHAVE) is emitted to per topic (D_lazy)
 * @param dScore mesh peers kept by score when pruning for oversubscription (D_score)
 * @param dOut outbound-connection peers the mesh keeps at least (D_out): below D_lo, at most D/2
 * @param gossipFactor share of eligible peers that receive gossip, if more than D_lazy
 * @param heartbeatInterval time between heartbeats
 * @param fanoutTtl fanout state of a topic we do not join is dropped after this long without
 *     publishing
 * @param mcacheLength heartbeat windows of full messages kept for IWANT
 * @param mcacheGossip most recent windows advertised in IHAVE
 * @param seenTtl how long a message id is remembered as seen
 * @param pruneBackoff no re-graft with a pruned peer (either side) within this time
 * @param unsubscribeBackoff backoff announced in the PRUNEs sent when leaving a topic
 * @param graftFloodThreshold a GRAFT this soon after our PRUNE earns an extra penalty
 * @param floodPublish own messages go to every topic peer above the publish threshold
 * @param maxIHaveLength most message ids we ask for (IWANT) per peer per heartbeat
 * @param maxIHaveMessages most IHAVE entries we process per peer per heartbeat
 * @param gossipRetransmission most times we send one message to one peer in answer to IWANT
 * @param iwantFollowupTime an IHAVE promise not kept within this time penalises the advertiser
 * @param maxRpcBytes largest RPC we send or accept, in bytes
 * @param score peer scoring
 */
public record GossipParams(
    int d,
    int dLo,
    int dHi,
    int dLazy,
    int dScore,
    int dOut,
    double gossipFactor,
    Duration heartbeatInterval,
    Duration fanoutTtl,
    int mcacheLength,
    int mcacheGossip,
    Duration seenTtl,
    Duration pruneBackoff,
    Duration unsubscribeBackoff,
    Duration graftFloodThreshold,
    boolean floodPublish,
    int maxIHaveLength,
    int maxIHaveMessages,
    int gossipRetransmission,
    Duration iwantFollowupTime,
    int maxRpcBytes,
    PeerScoreParams score) {

  public GossipParams {
    if (!(0 <= dLo && dLo <= d && d <= dHi)) {
      throw new IllegalArgumentException("need 0 <= D_lo <= D <= D_hi");
    }
    if (dLazy < 0 || dScore < 0 || dScore > d) {
      throw new IllegalArgumentException("need D_lazy >= 0 and 0 <= D_score <= D");
    }
    if (dOut < 0 || dOut > d / 2 || (dOut > 0 && dOut >= dLo)) {
      throw new IllegalArgumentException("need 0 <= D_out <= D/2 and D_out < D_lo");
    }
    if (gossipFactor < 0 || gossipFactor > 1) {
      throw new IllegalArgumentException("gossipFactor must be in [0, 1]");
    }
    if (mcacheGossip < 1 || mcacheLength < mcacheGossip) {
      throw new IllegalArgumentException("need 1 <= mcacheGossip <= mcacheLength");
    }
    if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
      throw new IllegalArgumentException("heartbeatInterval must be positive");
    }
    if (maxRpcBytes < 1024) {
      throw new IllegalArgumentException("maxRpcBytes must be at least 1 KiB");
    }
  }

  /**
   * D=6, D_lo=4, D_hi=12, D_lazy=6, D_score=4, D_out=2, 1 s heartbeat, 60 s fanout TTL, mcache 5/3,
   * seen 120 s.
   */
  public static GossipParams defaults() {
    return new GossipParams(
        6,
        4,
        12,
        6,
        4,
        2,
        0.25,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        5,
        3,
        Duration.ofSeconds(120),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        true,
        5_000,
        10,
        3,
        Duration.ofSeconds(3),
        RpcCodec.DEFAULT_MAX_RPC_BYTES,
        PeerScoreParams.defaults());
  }

  /** These parameters with a different score configuration. */
  public GossipParams withScore(PeerScoreParams newScore) {
    return new GossipParams(
        d,
        dLo,
        dHi,
        dLazy,
        dScore,
        dOut,
        gossipFactor,
        heartbeatInterval,
        fanoutTtl,
        mcacheLength,
        mcacheGossip,
        seenTtl,
        pruneBackoff,
        unsubscribeBackoff,
        graftFloodThreshold,
        floodPublish,
        maxIHaveLength,
        maxIHaveMessages,
        gossipRetransmission,
        iwantFollowupTime,
        maxRpcBytes,
        newScore);
  }
}
