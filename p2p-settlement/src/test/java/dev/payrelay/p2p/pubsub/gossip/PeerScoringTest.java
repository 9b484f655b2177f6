package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.Topic;
import org.junit.jupiter.api.Test;

class PeerScoringTest {
  private static final Topic A = Topic.of("a");
  private static final Topic B = Topic.of("b");
  private final PeerId peer = Ed25519KeyPair.fromSeed(new byte[32]).peerId();
  private final PeerScoring scoring = new PeerScoring(PeerScoreParams.defaults());

  @Test
  void invalidMessagesCountQuadraticallyPerTopic() {
    scoring.connected(peer);
    scoring.invalidMessage(peer, A);
    assertThat(scoring.score(peer)).isEqualTo(-10.0);
    scoring.invalidMessage(peer, A);
    assertThat(scoring.score(peer)).isEqualTo(-40.0);
    scoring.invalidMessage(peer, B);
    assertThat(scoring.score(peer)).isEqualTo(-50.0);
  }

  @Test
  void countersDecayOncePerIntervalAndReachZero() {
    long t = 1_000_000;
    scoring.connected(peer);
    scoring.refresh(t);
    scoring.invalidMessage(peer, A);
    scoring.invalidMessage(peer, A);
    scoring.invalidMessage(peer, A);
    assertThat(scoring.score(peer)).isEqualTo(-90.0);
    scoring.refresh(t + 10_000);
    double counter = 3 * Math.pow(0.99, 10);
    assertThat(scoring.score(peer)).isCloseTo(-10 * counter * counter, within(1e-9));
    scoring.refresh(t + 10_500);
    assertThat(scoring.score(peer)).isCloseTo(-10 * counter * counter, within(1e-9));
    scoring.refresh(t + 600_000); // 3 * 0.99^600 < 0.01
    assertThat(scoring.score(peer)).isZero();
  }

  @Test
  void behaviourPenaltyIsSquaredAboveItsThreshold() {
    scoring.connected(peer);
    scoring.behaviourPenalty(peer, 1);
    assertThat(scoring.score(peer)).isEqualTo(-10.0);
    scoring.behaviourPenalty(peer, 2);
    assertThat(scoring.score(peer)).isEqualTo(-90.0);
  }

  @Test
  void keepsADisconnectedPeersScoreForTheRetentionTime() {
    long t = 5_000_000;
    scoring.refresh(t);
    scoring.connected(peer);
    for (int i = 0; i < 100; i++) {
      scoring.invalidMessage(peer, A);
    }
    scoring.disconnected(peer, t);
    scoring.refresh(t + 60_000);
    scoring.connected(peer);
    assertThat(scoring.score(peer)).as("reconnecting does not reset the score").isNegative();
    scoring.disconnected(peer, t + 60_000);
    scoring.refresh(t + 60_000 + PeerScoreParams.defaults().retainScore().toMillis());
    assertThat(scoring.score(peer)).isZero();
    scoring.invalidMessage(peer, A);
    scoring.behaviourPenalty(peer, 5);
    assertThat(scoring.score(peer)).as("a forgotten peer is not tracked again").isZero();
  }
}
