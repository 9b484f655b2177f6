package dev.payrelay.p2p.pubsub.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Routers joined by in-memory links with a latency each way: a byte frame written to one side's
 * {@link RpcOutbound} reaches the other side's frame decoder after the link's latency, in order.
 * This is the adapter contract played out without sockets.
 */
final class InMemoryNetwork {
  final VirtualTime time = new VirtualTime();
  final List<SimNode> nodes = new ArrayList<>();
  final SplittableRandom random;
  private final GossipParams params;
  long framesSent;
  long bytesSent;

  InMemoryNetwork(GossipParams params, long seed) {
    this.params = params;
    this.random = new SplittableRandom(seed);
  }

  SimNode addNode() {
    SimNode node = new SimNode(nodes.size(), time, params, random.nextLong());
    nodes.add(node);
    long period = params.heartbeatInterval().toMillis();
    time.every(1 + random.nextLong(period), period, node::heartbeat);
    return node;
  }

  /**
   * {@code a} dials {@code b}; each side then opens its outbound stream to the other, as the host
   * adapter would.
   */
  void link(SimNode a, SimNode b, long latencyMillis) {
    a.router.addPeer(
        b.id(),
        GossipProtocol.MESHSUB_V1_1,
        outbound(a, b, latencyMillis),
        ConnectionDirection.OUTBOUND);
    b.router.addPeer(
        a.id(),
        GossipProtocol.MESHSUB_V1_1,
        outbound(b, a, latencyMillis),
        ConnectionDirection.INBOUND);
  }

  void unlink(SimNode a, SimNode b) {
    a.router.removePeer(b.id());
    b.router.removePeer(a.id());
  }

  private RpcOutbound outbound(SimNode from, SimNode to, long latencyMillis) {
    return frame -> {
      framesSent++;
      bytesSent += frame.length;
      time.schedule(latencyMillis, () -> to.receive(from.id(), frame));
    };
  }

  /**
   * A connected sparse graph: a ring (so it is connected) plus random chords until every node has
   * at least {@code minDegree} links, none more than {@code maxDegree}.
   */
  void sparseTopology(int minDegree, int maxDegree, long minLatencyMillis, long maxLatencyMillis) {
    int n = nodes.size();
    boolean[][] linked = new boolean[n][n];
    int[] degree = new int[n];
    for (int i = 0; i < n; i++) {
      connect(i, (i + 1) % n, linked, degree, minLatencyMillis, maxLatencyMillis);
    }
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a == b || linked[a][b] || degree[a] >= maxDegree || degree[b] >= maxDegree) {
        continue;
      }
      if (degree[a] < minDegree || degree[b] < minDegree) {
        connect(a, b, linked, degree, minLatencyMillis, maxLatencyMillis);
      }
    }
  }

  private void connect(
      int a, int b, boolean[][] linked, int[] degree, long minLatency, long maxLatency) {
    linked[a][b] = linked[b][a] = true;
    degree[a]++;
    degree[b]++;
    link(nodes.get(a), nodes.get(b), minLatency + random.nextLong(maxLatency - minLatency + 1));
  }
}
