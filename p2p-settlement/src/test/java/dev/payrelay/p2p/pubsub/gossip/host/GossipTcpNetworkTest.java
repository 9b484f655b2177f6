package dev.payrelay.p2p.pubsub.gossip.host;

import static dev.payrelay.p2p.testing.TestHosts.await;
import static dev.payrelay.p2p.testing.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.testing.NettyLeaks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twenty gossipsub nodes over real TCP in one JVM, sparsely connected: a message published at one
 * node reaches the other nineteen exactly once. Prints the wall-clock propagation latency.
 */
@ExtendWith(NettyLeaks.class)
class GossipTcpNetworkTest {
  private static final int NODES = 20;

  /** Each node dials this many others (the previous node, so the graph is connected, and more). */
  private static final int DIALS_PER_NODE = 3;

  private static final Topic TOPIC = Topic.of("payrelay/test/network");

  @Test
  void aMessageReachesEveryNodeOfASparseNetworkExactlyOnce() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    List<GossipTestNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        GossipTestNode node = new GossipTestNode();
        node.join(TOPIC);
        nodes.add(node);
      }
      for (int i = 1; i < NODES; i++) {
        Set<Integer> targets = new HashSet<>();
        targets.add(i - 1);
        while (targets.size() < Math.min(DIALS_PER_NODE, i)) {
          targets.add(random.nextInt(i));
        }
        for (int target : targets) {
          nodes.get(i).dial(nodes.get(target));
        }
      }
      for (GossipTestNode node : nodes) {
        eventually(
            "every node has a mesh (seed " + seed + ")",
            () -> !await(node.gossip.meshPeers(TOPIC)).isEmpty());
      }

      GossipTestNode origin = nodes.get(random.nextInt(NODES));
      long start = System.nanoTime();
      origin.publish(TOPIC, "first");
      List<Long> latencies = awaitEverywhere(nodes, origin, 1, seed);
      GossipTestNode second = nodes.get((nodes.indexOf(origin) + 1) % NODES);
      second.publish(TOPIC, "second");
      awaitEverywhere(nodes, second, 1, seed);

      for (GossipTestNode node : nodes) {
        List<String> expected = new ArrayList<>();
        if (node != origin) {
          expected.add("first");
        }
        if (node != second) {
          expected.add("second");
        }
        assertThat(node.texts()).as("seed " + seed).containsExactlyInAnyOrderElementsOf(expected);
      }
      List<Long> fromStart = new ArrayList<>();
      for (long at : latencies) {
        fromStart.add((at - start) / 1_000);
      }
      fromStart.sort(null);
      System.out.printf(
          "gossip %d nodes over TCP: propagation p50 %.2f ms, p99 %.2f ms (seed %d)%n",
          NODES,
          fromStart.get(fromStart.size() / 2) / 1000.0,
          fromStart.get((int) Math.ceil(fromStart.size() * 0.99) - 1) / 1000.0,
          seed);
    } finally {
      nodes.forEach(GossipTestNode::close);
    }
  }

  /** Waits until every node but {@code origin} has a message from it; returns the arrival times. */
  private static List<Long> awaitEverywhere(
      List<GossipTestNode> nodes, GossipTestNode origin, int count, long seed) {
    List<Long> arrivals = new ArrayList<>();
    for (GossipTestNode node : nodes) {
      if (node == origin) {
        continue;
      }
      eventually(
          node.peerId() + " got the message of " + origin.peerId() + " (seed " + seed + ")",
          () ->
              node.received.stream().filter(m -> m.from().equals(origin.peerId())).count()
                  >= count);
      List<Long> times = new ArrayList<>(node.receivedAt);
      arrivals.add(times.get(times.size() - 1));
    }
    return arrivals;
  }
}
