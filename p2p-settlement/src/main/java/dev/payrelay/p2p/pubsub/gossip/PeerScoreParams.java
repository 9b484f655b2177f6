package dev.payrelay.p2p.pubsub.gossip;

import java.time.Duration;

/**
 * The subset of gossipsub v1.1 peer scoring this router computes: P₄ (invalid messages, per topic,
 * every topic weighted {@code topicWeight}) and P₇ (behavioural penalty: GRAFT during backoff,
 * broken IHAVE promises), with periodic decay, and the thresholds that act on the score.
 *
 * <pre>
 * score = topicWeight * invalidMessageDeliveriesWeight * Σ_topics P₄²
 *       + behaviourPenaltyWeight * max(0, P₇ − behaviourPenaltyThreshold)²
 * </pre>
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#peer-scoring">
 * gossipsub v1.1 "Peer Scoring"</a>. P₁–P₃ (which need topic-specific tuning) and P₅/P₆ are not
 * computed, so a well-behaved peer scores 0.
 *
 * @param topicWeight weight of every topic's contribution
 * @param invalidMessageDeliveriesWeight weight of P₄ (negative)
 * @param invalidMessageDeliveriesDecay P₄ counter factor per decay interval, in (0, 1)
 * @param behaviourPenaltyWeight weight of P₇ (negative)
 * @param behaviourPenaltyThreshold P₇ counter value tolerated without penalty
 * @param behaviourPenaltyDecay P₇ counter factor per decay interval, in (0, 1)
 * @param decayInterval how often counters decay
 * @param decayToZero a decayed counter below this is 0
 * @param retainScore how long a disconnected peer's counters are kept
 * @param gossipThreshold below: no gossip to or from the peer (negative)
 * @param publishThreshold below: own messages are not flood-published to the peer
 * @param graylistThreshold below: every RPC of the peer is dropped unread
 */
public record PeerScoreParams(
    double topicWeight,
    double invalidMessageDeliveriesWeight,
    double invalidMessageDeliveriesDecay,
    double behaviourPenaltyWeight,
    double behaviourPenaltyThreshold,
    double behaviourPenaltyDecay,
    Duration decayInterval,
    double decayToZero,
    Duration retainScore,
    double gossipThreshold,
    double publishThreshold,
    double graylistThreshold) {

  public PeerScoreParams {
    if (invalidMessageDeliveriesWeight > 0 || behaviourPenaltyWeight > 0) {
      throw new IllegalArgumentException("P4 and P7 weights must be negative or zero");
    }
    if (!(invalidMessageDeliveriesDecay > 0 && invalidMessageDeliveriesDecay < 1)
        || !(behaviourPenaltyDecay > 0 && behaviourPenaltyDecay < 1)) {
      throw new IllegalArgumentException("decay factors must be in (0, 1)");
    }
    if (!(graylistThreshold < publishThreshold
        && publishThreshold <= gossipThreshold
        && gossipThreshold < 0)) {
      throw new IllegalArgumentException(
          "need graylistThreshold < publishThreshold <= gossipThreshold < 0");
    }
    if (decayInterval.isZero() || decayInterval.isNegative()) {
      throw new IllegalArgumentException("decayInterval must be positive");
    }
  }

  /**
   * One invalid message scores −10 (still gossiped with), two −40 (below the gossip threshold),
   * three −90 (graylisted). Counters lose 1% per second: three invalid messages keep a peer
   * graylisted about 6 s, ten about 2 minutes; one GRAFT during backoff costs −10 the same way.
   */
  public static PeerScoreParams defaults() {
    return new PeerScoreParams(
        1.0,
        -10.0,
        0.99,
        -10.0,
        0.0,
        0.99,
        Duration.ofSeconds(1),
        0.01,
        Duration.ofMinutes(10),
        -10.0,
        -50.0,
        -80.0);
  }
}
