package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Peer scores from P₄ (invalid messages per topic) and P₇ (behavioural penalty), with decay every
 * {@code decayInterval} and retention of a disconnected peer's counters for {@code retainScore}, so
 * reconnecting does not wash a bad score.
 *
 * <p>Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#the-score-function">
 * gossipsub v1.1 "The Score Function"</a> and "Parameter Decay". See {@link PeerScoreParams}.
 */
final class PeerScoring {
  private static final long CONNECTED = Long.MAX_VALUE;

  private static final class Counters {
    final Map<Topic, Double> invalidMessages = new HashMap<>();
    double behaviourPenalty;
    long retainUntilMillis = CONNECTED;
  }

  private final PeerScoreParams params;
  private final Map<PeerId, Counters> counters = new HashMap<>();
  private long nextDecayMillis = Long.MIN_VALUE;

  PeerScoring(PeerScoreParams params) {
    this.params = params;
  }

  /** The peer's current score; 0 for a peer never penalised. */
  double score(PeerId peer) {
    Counters c = counters.get(peer);
    if (c == null) {
      return 0;
    }
    double invalid = 0;
    for (double count : c.invalidMessages.values()) {
      invalid += count * count;
    }
    double score = params.topicWeight() * params.invalidMessageDeliveriesWeight() * invalid;
    double excess = c.behaviourPenalty - params.behaviourPenaltyThreshold();
    if (excess > 0) {
      score += params.behaviourPenaltyWeight() * excess * excess;
    }
    return score;
  }

  void connected(PeerId peer) {
    counters.computeIfAbsent(peer, p -> new Counters()).retainUntilMillis = CONNECTED;
  }

  void disconnected(PeerId peer, long nowMillis) {
    Counters c = counters.get(peer);
    if (c != null) {
      c.retainUntilMillis = nowMillis + params.retainScore().toMillis();
    }
  }

  /**
   * P₄: one more invalid message from {@code peer} on {@code topic}. Penalties for a peer neither
   * connected nor retained are dropped.
   */
  void invalidMessage(PeerId peer, Topic topic) {
    Counters c = counters.get(peer);
    if (c != null) {
      c.invalidMessages.merge(topic, 1.0, Double::sum);
    }
  }

  /** P₇: {@code count} more penalties for misbehaviour (dropped as for {@link #invalidMessage}). */
  void behaviourPenalty(PeerId peer, double count) {
    Counters c = counters.get(peer);
    if (c != null) {
      c.behaviourPenalty += count;
    }
  }

  /** Decays every counter once per elapsed decay interval and forgets expired retained peers. */
  void refresh(long nowMillis) {
    long interval = params.decayInterval().toMillis();
    if (nextDecayMillis == Long.MIN_VALUE) {
      nextDecayMillis = nowMillis + interval;
      return;
    }
    while (nowMillis >= nextDecayMillis) {
      decayOnce();
      nextDecayMillis += interval;
    }
    Iterator<Counters> it = counters.values().iterator();
    while (it.hasNext()) {
      Counters c = it.next();
      if (c.retainUntilMillis <= nowMillis || (c.retainUntilMillis != CONNECTED && isClean(c))) {
        it.remove();
      }
    }
  }

  private void decayOnce() {
    double toZero = params.decayToZero();
    for (Counters c : counters.values()) {
      c.invalidMessages.replaceAll(
          (topic, count) -> decay(count, params.invalidMessageDeliveriesDecay(), toZero));
      c.invalidMessages.values().removeIf(count -> count == 0);
      c.behaviourPenalty = decay(c.behaviourPenalty, params.behaviourPenaltyDecay(), toZero);
    }
  }

  private static double decay(double value, double factor, double toZero) {
    double decayed = value * factor;
    return decayed < toZero ? 0 : decayed;
  }

  private static boolean isClean(Counters c) {
    return c.invalidMessages.isEmpty() && c.behaviourPenalty == 0;
  }
}
