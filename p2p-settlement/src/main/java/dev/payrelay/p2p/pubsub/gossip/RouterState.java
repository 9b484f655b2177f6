package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageHandler;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The state the router's parts share: peers and their topics, our subscriptions, the mesh, fanout
 * and backoff maps, the caches, scores and the outbound queue. Only touched on the router's thread.
 */
final class RouterState {
  record Subscription(MessageValidator validator, MessageHandler handler) {}

  final PeerId self;
  final GossipParams params;
  final Clock clock;
  final RandomGenerator random;

  final Map<PeerId, PeerState> peers = new HashMap<>();
  final Map<Topic, Set<PeerId>> topicPeers = new HashMap<>();
  final Map<Topic, Subscription> subscriptions = new HashMap<>();
  final Map<Topic, Set<PeerId>> mesh = new HashMap<>();
  final Map<Topic, Set<PeerId>> fanout = new HashMap<>();
  final Map<Topic, Long> fanoutLastPublishedMillis = new HashMap<>();
  final Map<Topic, Map<PeerId, Long>> backoffUntilMillis = new HashMap<>();

  final SeenCache seen;
  final MessageCache mcache;
  final PeerScoring scoring;
  final OutboundQueue outbound;

  RouterState(PeerId self, GossipParams params, Clock clock, RandomGenerator random) {
    this.self = self;
    this.params = params;
    this.clock = clock;
    this.random = random;
    this.seen = new SeenCache(params.seenTtl().toMillis());
    this.mcache = new MessageCache(params.mcacheLength(), params.mcacheGossip());
    this.scoring = new PeerScoring(params.score());
    this.outbound =
        new OutboundQueue(
            params.maxRpcBytes(),
            peer -> {
              PeerState state = peers.get(peer);
              return state == null ? null : state.outbound;
            });
  }

  long now() {
    return clock.millis();
  }

  double score(PeerId peer) {
    return scoring.score(peer);
  }

  /** Whether we dialed {@code peer}'s connection (it counts towards D_out). */
  boolean isOutbound(PeerId peer) {
    PeerState state = peers.get(peer);
    return state != null && state.direction == ConnectionDirection.OUTBOUND;
  }

  Set<PeerId> peersOf(Topic topic) {
    return topicPeers.getOrDefault(topic, Set.of());
  }

  /** Whether we must not graft {@code peer} on {@code topic} yet (with one heartbeat of slack). */
  boolean inBackoff(Topic topic, PeerId peer, long slackMillis) {
    Long until = backoffUntilMillis.getOrDefault(topic, Map.of()).get(peer);
    return until != null && now() < until + slackMillis;
  }

  /** Extends (never shortens) the backoff of {@code peer} on {@code topic}. */
  void addBackoff(Topic topic, PeerId peer, long durationMillis) {
    long until = now() + durationMillis;
    backoffUntilMillis.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, until, Math::max);
  }

  /** Forgets backoffs that ended more than one heartbeat (the slack) ago. */
  void expireBackoffs() {
    long horizon = now() - params.heartbeatInterval().toMillis();
    backoffUntilMillis.values().forEach(m -> m.values().removeIf(until -> until < horizon));
    backoffUntilMillis.values().removeIf(Map::isEmpty);
  }

  /** Up to {@code count} of {@code candidates} matching {@code filter}, in random order. */
  List<PeerId> pick(Collection<PeerId> candidates, int count, Predicate<PeerId> filter) {
    List<PeerId> eligible = new ArrayList<>();
    for (PeerId peer : candidates) {
      if (filter.test(peer)) {
        eligible.add(peer);
      }
    }
    shuffle(eligible);
    return count >= eligible.size() ? eligible : new ArrayList<>(eligible.subList(0, count));
  }

  <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }

  /** Queues a PRUNE of {@code topic} to {@code peer} and backs off from it. */
  void prune(PeerId peer, Topic topic, long backoffMillis) {
    addBackoff(topic, peer, backoffMillis);
    PeerState state = peers.get(peer);
    if (state == null) {
      return;
    }
    Long backoffSeconds = state.protocol.supportsPruneBackoff() ? backoffMillis / 1000 : null;
    outbound.prune(peer, new Rpc.Prune(topic.name(), List.of(), backoffSeconds));
  }

  Set<PeerId> newPeerSet() {
    return new LinkedHashSet<>();
  }
}
