package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mesh and fanout: JOIN/LEAVE, GRAFT/PRUNE handling with backoff, and the heartbeat's mesh and
 * fanout maintenance.
 *
 * <p>Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#mesh-maintenance">
 * gossipsub v1.0 "Mesh Maintenance", "Fanout Maintenance", "Topic Membership"</a>; v1.1 "PRUNE
 * Backoff", "Heartbeat Maintenance" (negative-score peers pruned, D_score best kept), "Outbound
 * Mesh Quotas" (D_out) and "Spam Protection Measures" (GRAFTs for unknown topics ignored).
 */
final class MeshMaintenance {
  /** Longest backoff a peer can impose on us (one day); protects the arithmetic. */
  static final long MAX_BACKOFF_SECONDS = 86_400;

  private final RouterState s;

  MeshMaintenance(RouterState state) {
    this.s = state;
  }

  /** JOIN: builds the mesh from fanout peers first, then other topic peers, and GRAFTs them. */
  void join(Topic topic) {
    Set<PeerId> mesh = s.newPeerSet();
    Set<PeerId> fanout = s.fanout.remove(topic);
    s.fanoutLastPublishedMillis.remove(topic);
    if (fanout != null) {
      mesh.addAll(s.pick(fanout, s.params.d(), graftable(topic)));
    }
    int missing = s.params.d() - mesh.size();
    mesh.addAll(
        s.pick(s.peersOf(topic), missing, p -> !mesh.contains(p) && graftable(topic).test(p)));
    s.mesh.put(topic, mesh);
    for (PeerId peer : mesh) {
      s.outbound.graft(peer, new Rpc.Graft(topic.name()));
    }
  }

  /** LEAVE: PRUNEs every mesh peer with the unsubscribe backoff and forgets the mesh. */
  void leave(Topic topic) {
    Set<PeerId> mesh = s.mesh.remove(topic);
    if (mesh != null) {
      long backoff = s.params.unsubscribeBackoff().toMillis();
      mesh.forEach(peer -> s.prune(peer, topic, backoff));
    }
  }

  /** Handles the GRAFTs of one RPC. */
  void onGraft(PeerId peer, List<Rpc.Graft> grafts) {
    for (Rpc.Graft graft : grafts) {
      Topic topic = topicOrNull(graft.topicId());
      Set<PeerId> mesh = topic == null ? null : s.mesh.get(topic);
      if (mesh == null || mesh.contains(peer)) {
        continue; // unknown topic: ignored (v1.1 spam hardening); already in mesh: nothing to do
      }
      long backoff = s.params.pruneBackoff().toMillis();
      if (s.inBackoff(topic, peer, 0)) {
        s.scoring.behaviourPenalty(peer, 1);
        if (graftedTooSoonAfterPrune(topic, peer)) {
          s.scoring.behaviourPenalty(peer, 1);
        }
        s.prune(peer, topic, backoff);
      } else if (s.score(peer) < 0 || (mesh.size() >= s.params.dHi() && !s.isOutbound(peer))) {
        s.prune(peer, topic, backoff); // at D_hi only an outbound peer is still accepted (D_out)
      } else {
        mesh.add(peer);
      }
    }
  }

  /** Handles the PRUNEs of one RPC: leaves the mesh link and honours the announced backoff. */
  void onPrune(PeerId peer, List<Rpc.Prune> prunes) {
    for (Rpc.Prune prune : prunes) {
      Topic topic = topicOrNull(prune.topicId());
      if (topic == null) {
        continue;
      }
      Set<PeerId> mesh = s.mesh.get(topic);
      if (mesh != null) {
        mesh.remove(peer);
      }
      long backoffMillis = s.params.pruneBackoff().toMillis();
      Long seconds = prune.backoffSeconds();
      if (seconds != null && seconds >= 0) {
        backoffMillis = Math.multiplyExact(Math.min(seconds, MAX_BACKOFF_SECONDS), 1000L);
      }
      s.addBackoff(topic, peer, backoffMillis);
    }
  }

  /** Drops {@code peer} from every mesh and fanout (it left the topic or disconnected). */
  void forget(PeerId peer, Topic topic) {
    Set<PeerId> mesh = s.mesh.get(topic);
    if (mesh != null) {
      mesh.remove(peer);
    }
    Set<PeerId> fanout = s.fanout.get(topic);
    if (fanout != null) {
      fanout.remove(peer);
    }
  }

  /** Heartbeat: prunes negative scores, fills under D_lo, trims over D_hi, refreshes fanout. */
  void heartbeat() {
    for (Map.Entry<Topic, Set<PeerId>> entry : s.mesh.entrySet()) {
      maintainMesh(entry.getKey(), entry.getValue());
    }
    maintainFanout();
  }

  private void maintainMesh(Topic topic, Set<PeerId> mesh) {
    long backoff = s.params.pruneBackoff().toMillis();
    for (PeerId peer : new ArrayList<>(mesh)) {
      if (s.score(peer) < 0) {
        mesh.remove(peer);
        s.prune(peer, topic, backoff);
      }
    }
    if (mesh.size() < s.params.dLo()) {
      int wanted = s.params.d() - mesh.size();
      for (PeerId peer :
          s.pick(s.peersOf(topic), wanted, p -> !mesh.contains(p) && graftable(topic).test(p))) {
        mesh.add(peer);
        s.outbound.graft(peer, new Rpc.Graft(topic.name()));
      }
    }
    if (mesh.size() > s.params.dHi()) {
      for (PeerId peer : toPruneWhenOversubscribed(mesh)) {
        mesh.remove(peer);
        s.prune(peer, topic, backoff);
      }
    }
    int outbound = countOutbound(mesh);
    if (mesh.size() >= s.params.dLo() && outbound < s.params.dOut()) {
      for (PeerId peer :
          s.pick(
              s.peersOf(topic),
              s.params.dOut() - outbound,
              p -> !mesh.contains(p) && s.isOutbound(p) && graftable(topic).test(p))) {
        mesh.add(peer);
        s.outbound.graft(peer, new Rpc.Graft(topic.name()));
      }
    }
  }

  /**
   * The peers to prune when oversubscribed: the survivors are the D_score best, then random ones up
   * to D, with the lowest of them traded for outbound peers until D_out survivors are outbound.
   */
  private List<PeerId> toPruneWhenOversubscribed(Set<PeerId> mesh) {
    List<PeerId> ordered = new ArrayList<>(mesh);
    s.shuffle(ordered);
    ordered.sort(Comparator.comparingDouble((PeerId p) -> s.score(p)).reversed());
    int keepByScore = s.params.dScore();
    List<PeerId> rest = new ArrayList<>(ordered.subList(keepByScore, ordered.size()));
    s.shuffle(rest);
    List<PeerId> survivors = new ArrayList<>(ordered.subList(0, keepByScore));
    survivors.addAll(rest.subList(0, s.params.d() - keepByScore));
    List<PeerId> pruned = new ArrayList<>(rest.subList(s.params.d() - keepByScore, rest.size()));
    int missingOutbound = s.params.dOut() - countOutbound(survivors);
    for (int i = survivors.size() - 1; i >= 0 && missingOutbound > 0; i--) {
      PeerId candidate = survivors.get(i);
      if (s.isOutbound(candidate)) {
        continue;
      }
      PeerId replacement = pruned.stream().filter(s::isOutbound).findFirst().orElse(null);
      if (replacement == null) {
        break;
      }
      pruned.remove(replacement);
      pruned.add(candidate);
      survivors.set(i, replacement);
      missingOutbound--;
    }
    return pruned;
  }

  private int countOutbound(java.util.Collection<PeerId> peers) {
    int count = 0;
    for (PeerId peer : peers) {
      if (s.isOutbound(peer)) {
        count++;
      }
    }
    return count;
  }

  private void maintainFanout() {
    long now = s.now();
    long ttl = s.params.fanoutTtl().toMillis();
    double publishThreshold = s.params.score().publishThreshold();
    Iterator<Map.Entry<Topic, Set<PeerId>>> it = s.fanout.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Topic, Set<PeerId>> entry = it.next();
      Topic topic = entry.getKey();
      Long last = s.fanoutLastPublishedMillis.get(topic);
      if (last == null || now - last > ttl) {
        it.remove();
        s.fanoutLastPublishedMillis.remove(topic);
        continue;
      }
      Set<PeerId> fanout = entry.getValue();
      fanout.removeIf(p -> !s.peersOf(topic).contains(p) || s.score(p) < publishThreshold);
      if (fanout.size() < s.params.d()) {
        fanout.addAll(
            s.pick(
                s.peersOf(topic),
                s.params.d() - fanout.size(),
                p -> !fanout.contains(p) && s.score(p) >= publishThreshold));
      }
    }
  }

  /** Fanout peers for publishing on a topic we have not joined, created on first use. */
  Set<PeerId> fanoutFor(Topic topic) {
    double publishThreshold = s.params.score().publishThreshold();
    Set<PeerId> fanout =
        s.fanout.computeIfAbsent(
            topic,
            t -> {
              Set<PeerId> set = s.newPeerSet();
              set.addAll(s.pick(s.peersOf(t), s.params.d(), p -> s.score(p) >= publishThreshold));
              return set;
            });
    s.fanoutLastPublishedMillis.put(topic, s.now());
    return fanout;
  }

  private java.util.function.Predicate<PeerId> graftable(Topic topic) {
    long slack = s.params.heartbeatInterval().toMillis();
    return peer -> s.score(peer) >= 0 && !s.inBackoff(topic, peer, slack);
  }

  /**
   * Whether a GRAFT inside the backoff also came within {@code graftFloodThreshold} of our PRUNE
   * (the backoff started less than that ago).
   */
  private boolean graftedTooSoonAfterPrune(Topic topic, PeerId peer) {
    Long until = s.backoffUntilMillis.getOrDefault(topic, Map.of()).get(peer);
    long prunedAt = until - s.params.pruneBackoff().toMillis();
    return s.now() < prunedAt + s.params.graftFloodThreshold().toMillis();
  }

  static Topic topicOrNull(String topicId) {
    if (topicId == null) {
      return null;
    }
    try {
      return new Topic(topicId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
