package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipMeshTest {

  @Test
  void meshSizesStayWithinDLoAndDHiAfterEveryHeartbeat() {
    GossipParams params = GossipParams.defaults();
    InMemoryNetwork net = new InMemoryNetwork(params, 11);
    for (int i = 0; i < 30; i++) {
      net.addNode();
    }
    for (int i = 0; i < 30; i++) {
      for (int j = i + 1; j < 30; j++) {
        net.link(net.nodes.get(i), net.nodes.get(j), 5 + (i * j) % 20);
      }
    }
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.time.runFor(Duration.ofSeconds(3));
    List<Integer> sizes = new ArrayList<>();
    for (SimNode node : net.nodes) {
      node.afterHeartbeat = () -> sizes.add(node.router.meshPeers(TOPIC).size());
    }
    net.time.runFor(Duration.ofSeconds(20));
    assertThat(sizes).hasSizeGreaterThanOrEqualTo(30 * 19);
    assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(params.dLo(), params.dHi()));
    for (SimNode node : net.nodes) {
      for (var peer : node.router.meshPeers(TOPIC)) {
        SimNode other =
            net.nodes.stream().filter(n -> n.id().equals(peer)).findFirst().orElseThrow();
        assertThat(other.router.meshPeers(TOPIC))
            .as("mesh links are symmetric")
            .contains(node.id());
      }
    }
  }

  @Test
  void prunesAnOversubscribedMeshBackToD() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    List<RawPeer> peers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      RawPeer peer = r.peerOnTopic();
      peer.graft(TOPIC);
      peers.add(peer);
    }
    assertThat(r.router.meshPeers(TOPIC)).hasSize(12);
    RawPeer thirteenth = r.peerOnTopic();
    thirteenth.graft(TOPIC);
    assertThat(thirteenth.prunes()).as("a GRAFT at D_hi is refused").hasSize(1);
    assertThat(r.router.meshPeers(TOPIC)).hasSize(12).doesNotContain(thirteenth.id());
    RawPeer extra = r.peerOnTopic();
    r.router.onRpc(
        extra.id(),
        RawPeer.control(
            new Rpc.Control(
                List.of(), List.of(), List.of(new Rpc.Graft(TOPIC.name())), List.of())));
    assertThat(r.router.meshPeers(TOPIC)).hasSize(12);
  }

  @Test
  void sendsSubscriptionsBeforeGrafts() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    r.subscribe();
    int firstSubscription = indexOf(peer, rpc -> !rpc.subscriptions().isEmpty());
    int firstGraft = indexOf(peer, rpc -> !rpc.control().graft().isEmpty());
    assertThat(firstSubscription).isNotNegative();
    assertThat(firstGraft).isGreaterThan(firstSubscription);
    assertThat(peer.subscriptions()).containsExactly(new Rpc.SubOpts(true, TOPIC.name()));
  }

  @Test
  void announcesItsSubscriptionsToANewPeerAtOnce() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer peer = r.peer();
    assertThat(peer.received).hasSize(1);
    assertThat(peer.subscriptions()).containsExactly(new Rpc.SubOpts(true, TOPIC.name()));
  }

  @Test
  void honoursThePeersPruneBackoffBeforeGraftingAgain() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    r.subscribe();
    assertThat(peer.grafts()).hasSize(1);
    peer.prune(TOPIC, 30L);
    assertThat(r.router.meshPeers(TOPIC)).isEmpty();
    peer.clear();
    r.run(Duration.ofSeconds(30));
    assertThat(peer.grafts()).as("no GRAFT within the 30 s backoff").isEmpty();
    r.run(Duration.ofSeconds(3));
    assertThat(peer.grafts()).as("GRAFT once backoff and one heartbeat of slack passed").hasSize(1);
    assertThat(r.router.meshPeers(TOPIC)).containsExactly(peer.id());
  }

  @Test
  void answersAGraftDuringBackoffWithPruneAndAPenalty() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    r.subscribe();
    peer.prune(TOPIC, 60L);
    peer.clear();
    peer.graft(TOPIC);
    assertThat(peer.prunes()).containsExactly(new Rpc.Prune(TOPIC.name(), List.of(), 60L));
    assertThat(r.router.meshPeers(TOPIC)).isEmpty();
    assertThat(r.router.score(peer.id())).isNegative();
    double afterOne = r.router.score(peer.id());
    peer.graft(TOPIC);
    assertThat(r.router.score(peer.id())).isLessThan(afterOne);
  }

  @Test
  void ignoresGraftsForTopicsItHasNotJoined() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    peer.graft(Topic.of("/unknown"));
    peer.graft(TOPIC);
    assertThat(peer.received).isEmpty();
    assertThat(r.router.score(peer.id())).isZero();
  }

  @Test
  void unsubscribingPrunesTheMeshWithTheUnsubscribeBackoff() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    r.subscribe();
    peer.clear();
    r.router.unsubscribe(TOPIC);
    assertThat(peer.prunes()).containsExactly(new Rpc.Prune(TOPIC.name(), List.of(), 10L));
    assertThat(peer.subscriptions()).containsExactly(new Rpc.SubOpts(false, TOPIC.name()));
    assertThat(r.router.meshPeers(TOPIC)).isEmpty();
  }

  @Test
  void dropsAPeerThatUnsubscribesOrDisconnectsFromTheMesh() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer a = r.peerOnTopic();
    RawPeer b = r.peerOnTopic();
    r.subscribe();
    assertThat(r.router.meshPeers(TOPIC)).containsExactlyInAnyOrder(a.id(), b.id());
    a.send(new Rpc(List.of(new Rpc.SubOpts(false, TOPIC.name())), List.of(), null));
    r.router.removePeer(b.id());
    assertThat(r.router.meshPeers(TOPIC)).isEmpty();
    assertThat(r.router.topicPeers(TOPIC)).isEmpty();
  }

  @Test
  void sendsV10PeersPrunesWithoutBackoff() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer old = new RawPeer(r.router, 77);
    List<Rpc> received = new ArrayList<>();
    RpcFrameDecoder decoder = new RpcFrameDecoder();
    r.router.addPeer(
        old.id(),
        GossipProtocol.MESHSUB_V1_0,
        frame -> decoder.feed(frame).forEach(body -> received.add(RpcCodec.decode(body))));
    old.subscribe(TOPIC);
    r.subscribe();
    r.router.unsubscribe(TOPIC);
    assertThat(received.stream().flatMap(x -> x.control().prune().stream()))
        .containsExactly(new Rpc.Prune(TOPIC.name(), List.of(), null));
  }

  @Test
  void withoutFloodPublishingPublishesToAFanoutOfDPeersThatExpiresAfterItsTtl() {
    GossipParams params = TestParams.with(GossipParams.defaults().dOut(), false);
    RouterUnderTest r = new RouterUnderTest(params);
    List<RawPeer> peers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      peers.add(r.peerOnTopic());
    }
    r.router.publish(TOPIC, "not joined".getBytes());
    assertThat(r.router.fanoutPeers(TOPIC)).hasSize(params.d());
    assertThat(peers.stream().filter(p -> !p.messages().isEmpty()).count()).isEqualTo(params.d());
    r.router.publish(TOPIC, "again".getBytes());
    assertThat(peers.stream().mapToInt(p -> p.messages().size()).sum()).isEqualTo(2 * params.d());
    r.run(params.fanoutTtl().plusSeconds(2));
    assertThat(r.router.fanoutPeers(TOPIC)).isEmpty();
    r.subscribe();
    assertThat(r.router.meshPeers(TOPIC)).hasSize(params.d());
  }

  private static int indexOf(RawPeer peer, java.util.function.Predicate<Rpc> test) {
    for (int i = 0; i < peer.received.size(); i++) {
      if (test.test(peer.received.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
