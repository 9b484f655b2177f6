package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipExchangeTest {

  private static MessageId idOf(RpcMessage message) {
    return MessageIdFunction.SHA256_OF_DATA.apply(StrictSign.verify(message).message());
  }

  @Test
  void recoversAMissedMessageThroughIHaveAndIWant() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer gossiper = r.peerOnTopic();
    RpcMessage missed = gossiper.signed(TOPIC, "missed proof".getBytes());
    gossiper.clear();
    gossiper.ihave(TOPIC, List.of(idOf(missed)));
    assertThat(gossiper.iwants()).containsExactly(new Rpc.IWant(List.of(idOf(missed))));
    gossiper.publish(missed);
    r.runPending();
    assertThat(r.node.deliveries).hasSize(1);
    gossiper.clear();
    gossiper.ihave(TOPIC, List.of(idOf(missed)));
    assertThat(gossiper.iwants()).as("seen ids are not asked for").isEmpty();
  }

  @Test
  void advertisesCachedMessagesToPeersOutsideTheMeshAndAnswersIWantAtMostThreeTimes() {
    GossipParams params = GossipParams.defaults();
    RouterUnderTest r = new RouterUnderTest(params);
    r.subscribe();
    List<RawPeer> peers = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      RawPeer peer = r.peerOnTopic();
      peer.graft(TOPIC);
      peers.add(peer);
    }
    r.run(Duration.ofSeconds(1));
    MessageId id = r.router.publish(TOPIC, "receipt".getBytes());
    peers.forEach(RawPeer::clear);
    r.run(Duration.ofSeconds(1));
    List<RawPeer> outside =
        peers.stream().filter(p -> !r.router.meshPeers(TOPIC).contains(p.id())).toList();
    assertThat(outside).isNotEmpty();
    for (RawPeer peer : outside) {
      assertThat(peer.ihaves()).containsExactly(new Rpc.IHave(TOPIC.name(), List.of(id)));
    }
    RawPeer asker = outside.get(0);
    asker.clear();
    for (int i = 0; i < 5; i++) {
      asker.iwant(List.of(id));
    }
    assertThat(asker.messages()).hasSize(params.gossipRetransmission());
    RawPeer meshPeer =
        peers.stream()
            .filter(p -> r.router.meshPeers(TOPIC).contains(p.id()))
            .findFirst()
            .orElseThrow();
    assertThat(meshPeer.ihaves()).as("no gossip to mesh peers").isEmpty();
  }

  @Test
  void stopsAdvertisingAfterTheGossipWindowsAndForgetsAfterTheCacheWindows() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer asker = r.peerOnTopic();
    r.subscribe();
    r.router.unsubscribe(TOPIC);
    r.subscribe(); // the peer is in backoff now, so it stays outside the mesh
    assertThat(r.router.meshPeers(TOPIC)).isEmpty();
    MessageId id = r.router.publish(TOPIC, "receipt".getBytes());
    asker.clear();
    r.run(Duration.ofSeconds(3));
    assertThat(asker.ihaves()).hasSize(3);
    r.run(Duration.ofSeconds(1));
    assertThat(asker.ihaves()).as("mcache_gossip = 3 windows").hasSize(3);
    asker.iwant(List.of(id));
    assertThat(asker.messages()).as("still cached: mcache_len = 5").hasSize(1);
    r.run(Duration.ofSeconds(1));
    asker.clear();
    asker.iwant(List.of(id));
    assertThat(asker.messages()).isEmpty();
  }

  @Test
  void processesAtMostMaxIHaveMessagesPerHeartbeat() {
    GossipParams params = GossipParams.defaults();
    RouterUnderTest r = new RouterUnderTest(params);
    r.subscribe();
    RawPeer spammer = r.peerOnTopic();
    for (int i = 0; i < 25; i++) {
      spammer.ihave(TOPIC, List.of(MessageId.of(new byte[] {1, (byte) i})));
    }
    assertThat(spammer.iwants()).hasSize(params.maxIHaveMessages());
    r.run(Duration.ofSeconds(1));
    spammer.clear();
    spammer.ihave(TOPIC, List.of(MessageId.of(new byte[] {2})));
    assertThat(spammer.iwants()).as("the budget resets every heartbeat").hasSize(1);
  }

  @Test
  void penalisesAnAdvertiserThatNeverDelivers() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer liar = r.peerOnTopic();
    RawPeer honest = r.peerOnTopic();
    RpcMessage real = honest.signed(TOPIC, "real".getBytes());
    liar.ihave(TOPIC, List.of(MessageId.of(new byte[] {9, 9, 9})));
    honest.ihave(TOPIC, List.of(idOf(real)));
    honest.publish(real);
    r.runPending();
    r.run(Duration.ofSeconds(4));
    assertThat(r.router.score(liar.id())).isNegative();
    assertThat(r.router.score(honest.id())).isZero();
  }

  @Test
  void ignoresGossipFromAndSendsNoneToPeersBelowTheGossipThreshold() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer shady = r.peerOnTopic();
    RpcMessage m = shady.signed(TOPIC, "x".getBytes());
    for (int i = 0; i < 2; i++) {
      shady.publish(m.withSignature(new byte[64], null));
    }
    r.runPending();
    assertThat(r.router.score(shady.id()))
        .isLessThan(GossipParams.defaults().score().gossipThreshold());
    shady.clear();
    shady.ihave(TOPIC, List.of(MessageId.of(new byte[] {7})));
    MessageId id = r.router.publish(TOPIC, "y".getBytes());
    shady.iwant(List.of(id));
    assertThat(shady.iwants()).isEmpty();
    long resent = shady.messages().size();
    assertThat(resent).as("only the flood publish itself, no IWANT answer").isLessThanOrEqualTo(1);
  }
}
