package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gossipsub v1.1 "Outbound Mesh Quotas": at least D_out mesh peers are connections we dialed. */
class GossipOutboundQuotaTest {

  @Test
  void atDHiAcceptsAGraftOnlyFromAnOutboundPeer() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    for (int i = 0; i < 12; i++) {
      r.peerOnTopic().graft(TOPIC);
    }
    RawPeer inbound = r.peerOnTopic();
    inbound.graft(TOPIC);
    RawPeer outbound = r.outboundPeerOnTopic();
    outbound.graft(TOPIC);
    assertThat(inbound.prunes()).hasSize(1);
    assertThat(outbound.prunes()).isEmpty();
    assertThat(r.router.meshPeers(TOPIC)).hasSize(13).contains(outbound.id());
  }

  @Test
  void pruningAnOversubscribedMeshKeepsDOutOutboundPeers() {
    for (long seed = 1; seed <= 10; seed++) {
      RouterUnderTest r = new RouterUnderTest(GossipParams.defaults(), seed);
      r.subscribe();
      for (int i = 0; i < 12; i++) {
        r.peerOnTopic().graft(TOPIC);
      }
      List<RawPeer> outbound = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        RawPeer peer = r.outboundPeerOnTopic();
        peer.graft(TOPIC);
        outbound.add(peer);
      }
      assertThat(r.router.meshPeers(TOPIC)).hasSize(14);
      r.run(Duration.ofSeconds(1));
      assertThat(r.router.meshPeers(TOPIC))
          .as("seed %d", seed)
          .hasSize(GossipParams.defaults().d())
          .contains(outbound.get(0).id(), outbound.get(1).id());
    }
  }

  @Test
  void graftsOutboundPeersWhenAMeshOfDLoHasTooFew() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    for (int i = 0; i < 5; i++) {
      r.peerOnTopic().graft(TOPIC);
    }
    RawPeer a = r.outboundPeerOnTopic();
    RawPeer b = r.outboundPeerOnTopic();
    RawPeer c = r.outboundPeerOnTopic();
    r.run(Duration.ofSeconds(1));
    assertThat(r.router.meshPeers(TOPIC)).hasSize(7);
    long outboundInMesh =
        List.of(a, b, c).stream().filter(p -> r.router.meshPeers(TOPIC).contains(p.id())).count();
    assertThat(outboundInMesh).isEqualTo(GossipParams.defaults().dOut());
  }

  @Test
  void rejectsParametersThatBreakTheQuotaRules() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestParams.with(4, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("D_out");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestParams.with(-1, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
