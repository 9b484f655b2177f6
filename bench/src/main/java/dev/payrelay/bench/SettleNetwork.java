package dev.payrelay.bench;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.ChainVerifier;
import dev.payrelay.settlement.SettlementConfig;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.network.NetworkConfig;
import dev.payrelay.settlement.network.NetworkStatus;
import dev.payrelay.settlement.network.SettlementNode;
import dev.payrelay.wallet.verify.ProofVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The benchmark's settlement network: {@code size} {@link SettlementNode}s in this JVM on loopback
 * TCP, each with its own identity, in-memory ledger and store, and its own JSON-RPC client to the
 * benchmark's anvil (one confirmation). Sparse: node {@code k} bootstraps to 2 or 3 of the nodes
 * started before it (node 1 to node 0 only), chosen by a seeded random, so proofs cross several
 * hops. Closing it stops every node.
 */
final class SettleNetwork implements AutoCloseable {

  /** The network id: topics {@code /payrelay/bench/proofs/1} and {@code .../receipts/1}. */
  static final String NETWORK_ID = "bench";

  /** How long the links and gossip meshes may take to form. */
  static final Duration FORMING_BOUND = Duration.ofSeconds(60);

  /** Gossipsub's D_lo: a node with at least this many peers has at least this many in its mesh. */
  private static final int MESH_LOW = 4;

  private static final Multiaddr LOOPBACK_ANY_PORT = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  /** One node with its ledger and store. */
  record Member(SettlementNode node, SettleLedger ledger, SettleStore store) {
    PeerId id() {
      return node.peerId();
    }
  }

  final List<Member> members;

  /** Who bootstrapped to whom: {@code links[k]} holds the indexes node {@code k} dialled. */
  final int[][] links;

  private SettleNetwork(List<Member> members, int[][] links) {
    this.members = List.copyOf(members);
    this.links = links;
  }

  /** Starts the nodes and returns once every link is up and every gossip mesh has formed. */
  static SettleNetwork start(
      int size, BenchChain chain, SettleTimes times, SplittableRandom random, Clock clock)
      throws InterruptedException {
    int[][] links = topology(size, random);
    List<Member> members = new ArrayList<>();
    try {
      for (int k = 0; k < size; k++) {
        List<Multiaddr> bootstrap = new ArrayList<>();
        for (int to : links[k]) {
          bootstrap.add(members.get(to).node().listenAddresses().get(0));
        }
        ChainVerifier verifier =
            ChainVerifier.of(
                List.of(new ProofVerifier(chain.walletRpc(), 1, List.of(chain.proxy))));
        SettleLedger ledger = new SettleLedger(times);
        SettleStore store = new SettleStore(times);
        SettlementNode node =
            SettlementNode.start(
                NodeIdentity.ephemeral(),
                NetworkConfig.defaults(NETWORK_ID, LOOPBACK_ANY_PORT).withBootstrap(bootstrap),
                ledger,
                store,
                verifier,
                clock);
        members.add(new Member(node, ledger, store));
      }
      SettleNetwork network = new SettleNetwork(members, links);
      network.awaitFormed();
      return network;
    } catch (RuntimeException | InterruptedException e) {
      members.forEach(m -> m.node().close());
      throw e;
    }
  }

  /** For each node from the second on, 2 or 3 distinct earlier nodes (all of them if fewer). */
  static int[][] topology(int size, SplittableRandom random) {
    int[][] links = new int[size][];
    links[0] = new int[0];
    for (int k = 1; k < size; k++) {
      int want = Math.min(k, 2 + random.nextInt(2));
      Set<Integer> chosen = new HashSet<>();
      while (chosen.size() < want) {
        chosen.add(random.nextInt(k));
      }
      links[k] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return links;
  }

  /** Undirected links. */
  int edges() {
    return Arrays.stream(links).mapToInt(l -> l.length).sum();
  }

  /** The longest shortest path between two nodes, in hops. */
  int diameter() {
    int n = members.size();
    List<List<Integer>> adjacent = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      adjacent.add(new ArrayList<>());
    }
    for (int k = 0; k < n; k++) {
      for (int to : links[k]) {
        adjacent.get(k).add(to);
        adjacent.get(to).add(k);
      }
    }
    int longest = 0;
    for (int from = 0; from < n; from++) {
      int[] hops = new int[n];
      Arrays.fill(hops, -1);
      hops[from] = 0;
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
      while (!queue.isEmpty()) {
        int at = queue.poll();
        for (int next : adjacent.get(at)) {
          if (hops[next] < 0) {
            hops[next] = hops[at] + 1;
            longest = Math.max(longest, hops[next]);
            queue.add(next);
          }
        }
      }
    }
    return longest;
  }

  /** Waits (polling, bounded) until every node sees its links and its meshes on both topics. */
  private void awaitFormed() throws InterruptedException {
    int[] degree = new int[members.size()];
    for (int k = 0; k < links.length; k++) {
      for (int to : links[k]) {
        degree[k]++;
        degree[to]++;
      }
    }
    SettlementConfig topics = SettlementConfig.of(NETWORK_ID);
    long deadline = System.nanoTime() + FORMING_BOUND.toNanos();
    for (int k = 0; k < members.size(); k++) {
      int wantMesh = Math.min(degree[k], MESH_LOW);
      while (true) {
        NetworkStatus status = members.get(k).node().status();
        boolean formed =
            status.peers().size() >= degree[k]
                && status.meshSizes().getOrDefault(topics.proofsTopic(), 0) >= wantMesh
                && status.meshSizes().getOrDefault(topics.receiptsTopic(), 0) >= wantMesh;
        if (formed) {
          break;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException(
              "node "
                  + k
                  + " did not form its links and meshes in "
                  + FORMING_BOUND
                  + ": "
                  + status);
        }
        Thread.sleep(50);
      }
    }
  }

  @Override
  public void close() {
    members.forEach(m -> m.node().close());
  }
}
