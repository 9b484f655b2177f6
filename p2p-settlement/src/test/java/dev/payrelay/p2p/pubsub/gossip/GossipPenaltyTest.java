package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Behavioural penalties the application reports (P₇), with the default score parameters. */
class GossipPenaltyTest {

  @Test
  void anApplicationPenaltyLowersTheScoreAndDecaysLikeAnyBehaviourPenalty() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer peer = r.peerOnTopic();

    r.router.penalize(peer.id(), 1.0);
    assertThat(r.router.score(peer.id())).isEqualTo(-10.0);
    r.router.penalize(peer.id(), 2.0);
    assertThat(r.router.score(peer.id())).isEqualTo(-90.0);
    assertThat(r.router.isGraylisted(peer.id())).isTrue();

    r.run(Duration.ofMinutes(5));
    assertThat(r.router.score(peer.id())).isGreaterThan(-90.0).isLessThanOrEqualTo(0.0);
  }

  @Test
  void refusesPenaltiesThatAreNotPositiveAndFinite() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peer();
    for (double count : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> r.router.penalize(peer.id(), count))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(r.router.score(peer.id())).isZero();
  }
}
