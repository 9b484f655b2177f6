package dev.payrelay.p2p.pubsub.gossip.host;

import static dev.payrelay.p2p.testing.TestHosts.LOOPBACK_ANY_PORT;
import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.dialable;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.p2p.testing.TestHosts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A real host on loopback with gossipsub, recording what it receives on the topics it joined. */
final class GossipTestNode implements AutoCloseable {
  final Ed25519KeyPair key = Ed25519KeyPair.generate();
  final SwarmHost host = TestHosts.started(SwarmConfig.defaults(key, LOOPBACK_ANY_PORT));
  final GossipNode gossip;
  final Queue<PubSubMessage> received = new ConcurrentLinkedQueue<>();

  /** System.nanoTime() of each delivery, in the order of {@link #received}. */
  final Queue<Long> receivedAt = new ConcurrentLinkedQueue<>();

  GossipTestNode() {
    this(GossipParams.defaults());
  }

  GossipTestNode(GossipParams params) {
    gossip = GossipNode.start(host, key, params, Clock.systemUTC());
  }

  PeerId peerId() {
    return host.peerId();
  }

  void join(Topic topic) {
    await(
        gossip
            .subscribe(
                topic,
                MessageValidator.ACCEPT_ALL,
                (id, message) -> {
                  receivedAt.add(System.nanoTime());
                  received.add(message);
                })
            .toCompletableFuture());
  }

  void dial(GossipTestNode other) {
    await(host.connect(dialable(other.host)));
  }

  void publish(Topic topic, String text) {
    await(gossip.publish(topic, text.getBytes(StandardCharsets.UTF_8)).toCompletableFuture());
  }

  List<String> texts() {
    return received.stream().map(m -> new String(m.data(), StandardCharsets.UTF_8)).toList();
  }

  @Override
  public void close() {
    gossip.close();
    host.close();
  }
}
