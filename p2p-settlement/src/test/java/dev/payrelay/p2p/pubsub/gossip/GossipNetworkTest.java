package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twenty routers in one JVM, each linked to three or four others (a connected sparse graph) by
 * in-memory links of 5–25 ms, on virtual time. Propagation latency is virtual: link latency and
 * hops, not CPU time.
 */
class GossipNetworkTest {
  private static final Topic TOPIC = Topic.of("/payrelay/sim/proofs/1");
  private static final int NODES = 20;

  private static InMemoryNetwork network(long seed) {
    InMemoryNetwork net = new InMemoryNetwork(GossipParams.defaults(), seed);
    for (int i = 0; i < NODES; i++) {
      net.addNode();
    }
    net.sparseTopology(3, 4, 5, 25);
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.time.runFor(Duration.ofSeconds(5)); // meshes form over a few heartbeats
    return net;
  }

  @Test
  void aMessagePublishedAtOneNodeReachesAllOthersExactlyOnce() {
    InMemoryNetwork net = network(2026);
    List<Long> latencies = new ArrayList<>();
    for (SimNode publisher : net.nodes) {
      long start = net.time.nowMillis();
      MessageId id = publisher.router.publish(TOPIC, ("proof from " + publisher).getBytes());
      net.time.runUntil(
          () -> net.nodes.stream().allMatch(n -> n == publisher || n.deliveredCount(id) > 0),
          Duration.ofSeconds(10));
      net.time.runFor(Duration.ofSeconds(2)); // let duplicates and gossip arrive too
      for (SimNode node : net.nodes) {
        assertThat(node.deliveredCount(id))
            .as("%s got it", node)
            .isEqualTo(node == publisher ? 0 : 1);
        node.deliveries.stream()
            .filter(d -> d.id().equals(id))
            .forEach(d -> latencies.add(d.atMillis() - start));
      }
    }
    assertThat(latencies).hasSize(NODES * (NODES - 1));
    print("one message from each of 20 nodes", latencies);
  }

  @Test
  void aThousandMessagesAreAllDeliveredOnceToEveryNode() {
    InMemoryNetwork net = network(7);
    int messages = 1_000;
    Map<MessageId, Long> publishedAt = new HashMap<>();
    Map<MessageId, SimNode> publisherOf = new HashMap<>();
    for (int i = 0; i < messages; i++) {
      SimNode publisher = net.nodes.get(net.random.nextInt(NODES));
      MessageId id = publisher.router.publish(TOPIC, ("payment proof #" + i).getBytes());
      publishedAt.put(id, net.time.nowMillis());
      publisherOf.put(id, publisher);
      net.time.runFor(Duration.ofMillis(2));
    }
    long expected = (long) messages * (NODES - 1);
    net.time.runUntil(
        () -> net.nodes.stream().mapToLong(n -> n.deliveries.size()).sum() >= expected,
        Duration.ofSeconds(30));
    net.time.runFor(Duration.ofSeconds(3));
    List<Long> latencies = new ArrayList<>();
    for (SimNode node : net.nodes) {
      Map<MessageId, Integer> counts = new HashMap<>();
      node.deliveries.forEach(d -> counts.merge(d.id(), 1, Integer::sum));
      for (MessageId id : publishedAt.keySet()) {
        int wanted = publisherOf.get(id) == node ? 0 : 1;
        assertThat(counts.getOrDefault(id, 0)).as("%s delivered %s", node, id).isEqualTo(wanted);
      }
      node.deliveries.forEach(d -> latencies.add(d.atMillis() - publishedAt.get(d.id())));
    }
    assertThat(latencies).hasSize((int) expected);
    print("1,000 messages from random nodes", latencies);
    System.out.printf(
        "gossip network: %d frames, %.1f MiB on the links, %.1f frames per delivery%n",
        net.framesSent, net.bytesSent / 1048576.0, (double) net.framesSent / expected);
  }

  @Test
  void keepsDeliveringWhenLinksFail() {
    InMemoryNetwork net = network(99);
    SimNode a = net.nodes.get(0);
    for (SimNode other : new ArrayList<>(net.nodes)) {
      if (other != a && a.router.meshPeers(TOPIC).contains(other.id())) {
        net.unlink(a, other);
        break;
      }
    }
    net.time.runFor(Duration.ofSeconds(3));
    MessageId id = net.nodes.get(NODES - 1).router.publish(TOPIC, "after a link failed".getBytes());
    net.time.runFor(Duration.ofSeconds(5));
    for (SimNode node : net.nodes.subList(0, NODES - 1)) {
      assertThat(node.deliveredCount(id)).as("%s", node).isEqualTo(1);
    }
  }

  private static void print(String what, List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    sorted.sort(Long::compare);
    System.out.printf(
        "gossip propagation, %s, 20 nodes, 3-4 links each, 5-25 ms per link:"
            + " p50 %d ms, p99 %d ms, max %d ms over %d deliveries%n",
        what,
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
