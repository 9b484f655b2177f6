package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lazy push: IHAVE emission at heartbeats, IWANT for advertised messages we have not seen, answers
 * to IWANT from the message cache, with v1.1's limits: gossip only to and from peers at or above
 * the gossip threshold, at most {@code maxIHaveMessages} IHAVEs and {@code maxIHaveLength} asked
 * ids per peer per heartbeat, {@code gossipRetransmission} answers per message and peer, and
 * promise tracking (an advertiser that does not deliver an asked message within {@code
 * iwantFollowupTime} gets a behavioural penalty).
 *
 * <p>Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#gossip-emission">
 * gossipsub v1.0 "Gossip Emission", "Message Processing"</a>; v1.1 "Adaptive Gossip Dissemination"
 * and "Spam Protection Measures".
 */
final class GossipExchange {
  private final RouterState s;

  /** Per asked message id: the advertisers we asked and the deadline of each promise. */
  private final Map<MessageId, Map<PeerId, Long>> promises = new HashMap<>();

  GossipExchange(RouterState state) {
    this.s = state;
  }

  /** Answers the IHAVEs of one RPC with (at most) one IWANT. */
  void onIHave(PeerState peer, List<Rpc.IHave> ihaves) {
    if (ihaves.isEmpty() || s.score(peer.id) < s.params.score().gossipThreshold()) {
      return;
    }
    Set<MessageId> wanted = new LinkedHashSet<>();
    for (Rpc.IHave ihave : ihaves) {
      if (++peer.ihavesThisHeartbeat > s.params.maxIHaveMessages()) {
        break;
      }
      Topic topic = MeshMaintenance.topicOrNull(ihave.topicId());
      if (topic == null || !s.mesh.containsKey(topic)) {
        continue;
      }
      for (MessageId id : ihave.messageIds()) {
        if (!s.seen.contains(id)) {
          wanted.add(id);
        }
      }
    }
    int budget = s.params.maxIHaveLength() - peer.idsAskedThisHeartbeat;
    if (wanted.isEmpty() || budget <= 0) {
      return;
    }
    List<MessageId> ask = new ArrayList<>(wanted);
    s.shuffle(ask);
    if (ask.size() > budget) {
      ask = new ArrayList<>(ask.subList(0, budget));
    }
    peer.idsAskedThisHeartbeat += ask.size();
    MessageId tracked = ask.get(s.random.nextInt(ask.size()));
    promises
        .computeIfAbsent(tracked, id -> new HashMap<>())
        .putIfAbsent(peer.id, s.now() + s.params.iwantFollowupTime().toMillis());
    s.outbound.iwant(peer.id, new Rpc.IWant(ask));
  }

  /** Sends the cached messages an IWANT asks for, within the retransmission limit. */
  void onIWant(PeerState peer, List<Rpc.IWant> iwants) {
    if (iwants.isEmpty() || s.score(peer.id) < s.params.score().gossipThreshold()) {
      return;
    }
    Set<MessageId> sent = new HashSet<>();
    for (Rpc.IWant iwant : iwants) {
      for (MessageId id : iwant.messageIds()) {
        if (!sent.add(id)) {
          continue;
        }
        Optional<RpcMessage> message =
            s.mcache.getForPeer(id, peer.id, s.params.gossipRetransmission());
        message.ifPresent(m -> s.outbound.message(peer.id, m));
      }
    }
  }

  /** A message with this id arrived (any sender, signature valid): promises for it are kept. */
  void delivered(MessageId id) {
    promises.remove(id);
  }

  /** Heartbeat: penalises broken promises, then emits IHAVE for mesh and fanout topics. */
  void heartbeat() {
    penaliseBrokenPromises();
    Set<Topic> topics = new LinkedHashSet<>(s.mesh.keySet());
    topics.addAll(s.fanout.keySet());
    for (Topic topic : topics) {
      emit(topic);
    }
    for (PeerState peer : s.peers.values()) {
      peer.ihavesThisHeartbeat = 0;
      peer.idsAskedThisHeartbeat = 0;
    }
  }

  private void emit(Topic topic) {
    List<MessageId> ids = s.mcache.gossipIds(topic);
    if (ids.isEmpty()) {
      return;
    }
    Set<PeerId> mesh = s.mesh.getOrDefault(topic, Set.of());
    Set<PeerId> fanout = s.fanout.getOrDefault(topic, Set.of());
    double threshold = s.params.score().gossipThreshold();
    List<PeerId> candidates =
        s.pick(
            s.peersOf(topic),
            Integer.MAX_VALUE,
            p -> !mesh.contains(p) && !fanout.contains(p) && s.score(p) >= threshold);
    int target = Math.max(s.params.dLazy(), (int) (s.params.gossipFactor() * candidates.size()));
    List<PeerId> targets = candidates.size() > target ? candidates.subList(0, target) : candidates;
    for (PeerId peer : targets) {
      List<MessageId> advertised = ids;
      if (ids.size() > s.params.maxIHaveLength()) {
        advertised = new ArrayList<>(ids);
        s.shuffle(advertised);
        advertised = advertised.subList(0, s.params.maxIHaveLength());
      }
      s.outbound.ihave(peer, new Rpc.IHave(topic.name(), advertised));
    }
  }

  private void penaliseBrokenPromises() {
    long now = s.now();
    Iterator<Map<PeerId, Long>> it = promises.values().iterator();
    while (it.hasNext()) {
      Map<PeerId, Long> byPeer = it.next();
      byPeer
          .entrySet()
          .removeIf(
              e -> {
                if (e.getValue() > now) {
                  return false;
                }
                s.scoring.behaviourPenalty(e.getKey(), 1);
                return true;
              });
      if (byPeer.isEmpty()) {
        it.remove();
      }
    }
  }
}
