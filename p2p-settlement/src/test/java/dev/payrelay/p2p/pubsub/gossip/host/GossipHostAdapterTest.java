package dev.payrelay.p2p.pubsub.gossip.host;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.dialable;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Varint;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipProtocol;
import dev.payrelay.p2p.pubsub.gossip.Rpc;
import dev.payrelay.p2p.pubsub.gossip.RpcCodec;
import dev.payrelay.p2p.pubsub.gossip.RpcFrameDecoder;
import dev.payrelay.p2p.pubsub.gossip.RpcMessage;
import dev.payrelay.p2p.pubsub.gossip.StrictSign;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.NettyLeaks;
import dev.payrelay.p2p.testing.TestHosts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GossipHostAdapter} over real TCP between real hosts. */
@ExtendWith(NettyLeaks.class)
class GossipHostAdapterTest {
  private static final Topic TOPIC = Topic.of("payrelay/test/settlement");
  private static final int MESSAGE_BYTES = 100_000;

  /** More than the router's 1,024 validations in flight, in as few RPCs as the sender packs. */
  private static final int BURST_MESSAGES = 5_000;

  /** 300 messages of 10 kB: well past one 256 KiB yamux window, below the 4 MiB cut-off. */
  private static final int FLOOD_MESSAGES = 300;

  private static final int FLOOD_MESSAGE_BYTES = 10_000;

  @Test
  void twoHostsExchangeMessagesBothWays() {
    try (GossipTestNode a = new GossipTestNode();
        GossipTestNode b = new GossipTestNode()) {
      a.join(TOPIC);
      b.join(TOPIC);
      a.dial(b);
      awaitTopicPeer(a, b);
      awaitTopicPeer(b, a);

      a.publish(TOPIC, "from a");
      b.publish(TOPIC, "from b");

      eventually("b got a's message", () -> b.texts().contains("from a"));
      eventually("a got b's message", () -> a.texts().contains("from b"));
      assertThat(a.texts()).containsExactly("from b");
      assertThat(b.texts()).containsExactly("from a");
      assertThat(b.received.peek().from()).isEqualTo(a.peerId());
    }
  }

  @Test
  void aBurstLargerThanTheValidationBoundArrivesWhole() {
    try (GossipTestNode a = new GossipTestNode();
        GossipTestNode b = new GossipTestNode()) {
      a.join(TOPIC);
      b.join(TOPIC);
      a.dial(b);
      awaitTopicPeer(a, b);
      List<java.util.concurrent.CompletableFuture<?>> published = new java.util.ArrayList<>();
      for (int i = 0; i < BURST_MESSAGES; i++) {
        byte[] data = ("burst-" + i).getBytes(StandardCharsets.UTF_8);
        published.add(a.gossip.publish(TOPIC, data).toCompletableFuture());
      }
      published.forEach(f -> await(f.thenApply(x -> x)));
      eventually("b got the whole burst", () -> b.received.size() >= BURST_MESSAGES);
      assertThat(b.texts()).hasSize(BURST_MESSAGES).doesNotHaveDuplicates();
    }
  }

  @Test
  void aBusyRouterStopsReadingSoTheSenderWaitsInsteadOfTheQueueGrowing() throws Exception {
    try (GossipTestNode a = new GossipTestNode();
        GossipTestNode b = new GossipTestNode()) {
      CountDownLatch release = new CountDownLatch(1);
      List<String> atB = new java.util.concurrent.CopyOnWriteArrayList<>();
      a.join(TOPIC);
      await(
          b.gossip
              .subscribe(
                  TOPIC,
                  dev.payrelay.p2p.pubsub.MessageValidator.ACCEPT_ALL,
                  (id, message) -> {
                    atB.add(new String(message.data(), 0, 8, StandardCharsets.UTF_8));
                    try {
                      release.await(); // fault injection: b's router thread is stuck
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  })
              .toCompletableFuture());
      a.dial(b);
      awaitTopicPeer(a, b);

      for (int i = 0; i < FLOOD_MESSAGES; i++) {
        byte[] data = new byte[FLOOD_MESSAGE_BYTES];
        byte[] label = String.format("m%07d", i).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(label, 0, data, 0, label.length);
        await(a.gossip.publish(TOPIC, data).toCompletableFuture());
      }
      eventually(
          "a's frames back up because b stopped reading",
          () -> a.gossip.adapter().unsentBytes(b.peerId()) > 0);
      release.countDown();
      eventually("b got the whole flood", () -> atB.size() >= FLOOD_MESSAGES);
      assertThat(atB).hasSize(FLOOD_MESSAGES).doesNotHaveDuplicates();
    }
  }

  @Test
  void messagesTravelAlongALineThroughTheMiddleHost() {
    try (GossipTestNode a = new GossipTestNode();
        GossipTestNode b = new GossipTestNode();
        GossipTestNode c = new GossipTestNode()) {
      for (GossipTestNode node : List.of(a, b, c)) {
        node.join(TOPIC);
      }
      a.dial(b);
      b.dial(c);
      eventually(
          "b's mesh holds a and c",
          () -> await(b.gossip.meshPeers(TOPIC)).containsAll(List.of(a.peerId(), c.peerId())));

      a.publish(TOPIC, "a to c");
      c.publish(TOPIC, "c to a");

      eventually("c got a's message", () -> c.texts().contains("a to c"));
      eventually("a got c's message", () -> a.texts().contains("c to a"));
      assertThat(a.host.connections(c.peerId())).isEmpty();
      assertThat(c.received.peek().from()).isEqualTo(a.peerId());
      assertThat(b.texts()).containsExactlyInAnyOrder("a to c", "c to a");
    }
  }

  @Test
  void anOversizedRpcResetsTheSendersStreamAndTheOthersCarryOn() throws Exception {
    try (GossipTestNode a = new GossipTestNode();
        GossipTestNode b = new GossipTestNode();
        SwarmHost rogue = TestHosts.started()) {
      a.join(TOPIC);
      b.join(TOPIC);
      a.dial(b);
      awaitTopicPeer(a, b);

      Stream stream = await(rogue.newStream(dialable(b.host), GossipProtocol.MESHSUB_V1_1.id()));
      CountDownLatch reset = new CountDownLatch(1);
      stream.connection().executor().execute(() -> stream.setListener(resetWatcher(reset)));
      int tooLarge = b.gossip.adapter().maxRpcBytes() + 1;
      byte[] header = Varint.encode(tooLarge);
      byte[] frame = Arrays.copyOf(header, header.length + 16);
      stream.connection().executor().execute(() -> stream.write(frame));

      assertThat(reset.await(TestHosts.STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .as("b resets the stream that announced an oversized RPC")
          .isTrue();
      a.publish(TOPIC, "still working");
      eventually("b still gets a's messages", () -> b.texts().contains("still working"));
      assertThat(b.host.connections(rogue.peerId())).isNotEmpty();
    }
  }

  @Test
  void aMessageWithABadSignatureIsDeliveredToNobodyAndCostsTheSenderScore() {
    Ed25519KeyPair rogueKey = Ed25519KeyPair.generate();
    try (GossipTestNode b = new GossipTestNode();
        GossipTestNode c = new GossipTestNode();
        SwarmHost rogue =
            TestHosts.started(SwarmConfig.defaults(rogueKey, TestHosts.LOOPBACK_ANY_PORT))) {
      AtomicBoolean bOpenedItsStream = new AtomicBoolean();
      rogue.setStreamHandler(
          GossipProtocol.MESHSUB_V1_1.id(),
          s -> {
            bOpenedItsStream.set(true);
            s.setListener(bytes -> {});
          });
      b.join(TOPIC);
      c.join(TOPIC);
      b.dial(c);
      awaitTopicPeer(b, c);
      Stream stream = await(rogue.newStream(dialable(b.host), GossipProtocol.MESHSUB_V1_1.id()));
      eventually("b opened its meshsub stream to the rogue", bOpenedItsStream::get);
      eventually(
          "b knows the rogue's subscription",
          () -> {
            send(stream, new Rpc(List.of(new Rpc.SubOpts(true, TOPIC.name())), List.of(), null));
            return await(b.gossip.topicPeers(TOPIC)).contains(rogue.peerId());
          });
      double before = await(b.gossip.score(rogue.peerId()));

      RpcMessage signed =
          StrictSign.sign(rogueKey, TOPIC, "forged".getBytes(StandardCharsets.UTF_8), new byte[8]);
      byte[] badSignature = signed.signature().clone();
      badSignature[0] ^= 1;
      send(stream, new Rpc(List.of(), List.of(signed.withSignature(badSignature, null)), null));

      eventually("the rogue's score falls", () -> await(b.gossip.score(rogue.peerId())) < before);
      b.publish(TOPIC, "after");
      eventually("c got b's later message", () -> c.texts().contains("after"));
      assertThat(c.texts()).containsExactly("after");
      assertThat(b.texts()).isEmpty();
    }
  }

  @Test
  void aPeerThatStopsReadingIsCutOffOnceItsBacklogPassesTheBound() throws Exception {
    try (GossipTestNode b = new GossipTestNode();
        SwarmHost sluggard = TestHosts.started()) {
      AtomicReference<Stream> fromB = new AtomicReference<>();
      sluggard.setStreamHandler(
          GossipProtocol.MESHSUB_V1_1.id(),
          s -> {
            s.setAutoRead(false);
            s.setListener(bytes -> {});
            fromB.set(s);
          });
      b.join(TOPIC);
      Stream stream = await(sluggard.newStream(dialable(b.host), GossipProtocol.MESHSUB_V1_1.id()));
      send(stream, new Rpc(List.of(new Rpc.SubOpts(true, TOPIC.name())), List.of(), null));
      eventually(
          "b knows the sluggard's subscription",
          () -> await(b.gossip.topicPeers(TOPIC)).contains(sluggard.peerId()));

      byte[] data = new byte[MESSAGE_BYTES];
      long published = 0;
      for (int i = 0; published <= 2 * GossipHostAdapter.MAX_UNSENT_BYTES_PER_PEER; i++) {
        data[0] = (byte) i;
        data[1] = (byte) (i >> 8);
        await(b.gossip.publish(TOPIC, data).toCompletableFuture());
        published += data.length;
      }
      eventually(
          "b resets the stream of the peer that stopped reading",
          () -> fromB.get() != null && !fromB.get().isOpen());
      eventually(
          "b forgets the sluggard",
          () -> !await(b.gossip.topicPeers(TOPIC)).contains(sluggard.peerId()));
      assertThat(b.gossip.adapter().unsentBytes(sluggard.peerId())).isZero();
    }
  }

  private static void send(Stream stream, Rpc rpc) {
    byte[] frame = RpcFrameDecoder.frame(RpcCodec.encode(rpc));
    stream.connection().executor().execute(() -> stream.write(frame));
  }

  private static StreamListener resetWatcher(CountDownLatch reset) {
    return new StreamListener() {
      @Override
      public void onData(byte[] bytes) {}

      @Override
      public void onReset() {
        reset.countDown();
      }
    };
  }

  private static void awaitTopicPeer(GossipTestNode node, GossipTestNode peer) {
    eventually(
        node.peerId() + " sees " + peer.peerId() + " on the topic",
        () -> await(node.gossip.topicPeers(TOPIC)).contains(peer.peerId()));
  }
}
