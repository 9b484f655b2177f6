package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageHandler;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import dev.payrelay.p2p.pubsub.Topic;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gossipsub v1.1 router ({@code /meshsub/1.1.0}, answering {@code /meshsub/1.0.0} peers too) as a
 * transport-agnostic state machine: the host adapter tells it about peers and hands it their RPCs;
 * it writes RPC frames to each peer's {@link RpcOutbound}.
 *
 * <p><b>Threading.</b> Not thread-safe. Every method, {@link #heartbeat()} included, must be called
 * on the one serial executor given to the constructor (e.g. a single-threaded scheduled executor or
 * an event loop); the router runs validator completions on it too, and calls {@link RpcOutbound}
 * and {@link MessageHandler}s only from it.
 *
 * <p><b>Adapter contract</b> (see also {@code package-info}): on a new peer whose outbound meshsub
 * stream is open, {@link #addPeer}; for each frame body the peer's inbound stream yields ({@link
 * RpcFrameDecoder}), {@link #onRpcBytes}; when the peer disconnects or its stream dies, {@link
 * #removePeer}; every {@code heartbeatInterval}, {@link #heartbeat()}.
 *
 * <p>Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md">gossipsub
 * v1.0</a>, <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md">v1.1</a>.
 * Not implemented: peer exchange (received PX is ignored, none sent), explicit peers, opportunistic
 * grafting, score parameters P₁–P₃, P₅, P₆, and v1.2's IDONTWANT.
 */
public final class GossipRouter {
  private static final Logger log = LoggerFactory.getLogger(GossipRouter.class);

  /** Room in an RPC for everything of a published message but its data. */
  static final int MESSAGE_ENVELOPE_BYTES = 2_048;

  private final Ed25519KeyPair identity;
  private final RouterState s;
  private final MeshMaintenance mesh;
  private final GossipExchange gossip;
  private final ValidationPipeline validation;
  private final MessageIdFunction idFunction;
  private static final long NANOS_PER_MILLI = 1_000_000L;

  /** Thread-safe: messages are signed off the router thread ({@link #sign}). */
  private final AtomicLong nextSeqno;

  /** Names of joined topics, replaced on (un)subscribe; read by other threads. */
  private volatile Set<String> joinedTopicNames = Set.of();

  /**
   * @param identity signs published messages (StrictSign)
   * @param idFunction the network-wide message id function
   * @param clock the time source (virtual in tests)
   * @param random peer selection (seeded in tests)
   * @param routerExecutor the serial executor all calls run on
   */
  public GossipRouter(
      Ed25519KeyPair identity,
      GossipParams params,
      MessageIdFunction idFunction,
      Clock clock,
      RandomGenerator random,
      Executor routerExecutor) {
    this.identity = identity;
    this.idFunction = idFunction;
    this.s = new RouterState(identity.peerId(), params, clock, random);
    this.mesh = new MeshMaintenance(s);
    this.gossip = new GossipExchange(s);
    this.validation =
        new ValidationPipeline(
            s, gossip, idFunction, routerExecutor, ValidationPipeline.MAX_PENDING_VALIDATIONS);
    // Seeded from the clock in nanoseconds, as go, rust and js do: kubo drops a peer's messages
    // whose seqno is not above the highest it saw, so seqnos must keep rising across restarts.
    this.nextSeqno = new AtomicLong(clock.millis() * NANOS_PER_MILLI);
  }

  public PeerId localPeerId() {
    return s.self;
  }

  public GossipParams params() {
    return s.params;
  }

  /**
   * A peer with an open outbound meshsub stream, on a connection of the given direction. Sends it
   * our subscriptions at once. Adding a known peer again replaces its sink, protocol and direction
   * (a new stream) and keeps its topics.
   */
  public void addPeer(
      PeerId peer, GossipProtocol protocol, RpcOutbound outbound, ConnectionDirection direction) {
    PeerState old = s.peers.get(peer);
    PeerState state = new PeerState(peer, protocol, outbound, direction);
    if (old != null) {
      state.topics.addAll(old.topics);
    }
    s.peers.put(peer, state);
    s.scoring.connected(peer);
    for (Topic topic : s.subscriptions.keySet()) {
      s.outbound.subscription(peer, new Rpc.SubOpts(true, topic.name()));
    }
    s.outbound.flush();
  }

  /**
   * As {@link #addPeer(PeerId, GossipProtocol, RpcOutbound, ConnectionDirection)} for a connection
   * the peer dialed (the conservative choice: it does not count towards D_out).
   */
  public void addPeer(PeerId peer, GossipProtocol protocol, RpcOutbound outbound) {
    addPeer(peer, protocol, outbound, ConnectionDirection.INBOUND);
  }

  /** The peer is gone: forgets its topics and mesh links; its score is retained for a while. */
  public void removePeer(PeerId peer) {
    PeerState state = s.peers.remove(peer);
    if (state == null) {
      return;
    }
    for (Topic topic : state.topics) {
      Set<PeerId> peers = s.topicPeers.get(topic);
      if (peers != null) {
        peers.remove(peer);
        if (peers.isEmpty()) {
          s.topicPeers.remove(topic);
        }
      }
    }
    for (Topic topic : List.copyOf(s.mesh.keySet())) {
      mesh.forget(peer, topic);
    }
    for (Topic topic : List.copyOf(s.fanout.keySet())) {
      mesh.forget(peer, topic);
    }
    s.scoring.disconnected(peer, s.now());
  }

  /**
   * One RPC body (without its length prefix) from {@code peer}'s inbound stream. A body that does
   * not decode is dropped.
   */
  public void onRpcBytes(PeerId peer, byte[] body) {
    Rpc rpc;
    try {
      rpc = RpcCodec.decode(body, s.params.maxRpcBytes());
    } catch (RpcFormatException e) {
      log.debug("dropping malformed RPC from {}: {}", peer, e.getMessage());
      return;
    }
    onRpc(peer, rpc);
  }

  /**
   * One RPC from {@code peer} decoded and signature-checked in advance ({@link
   * VerifiedRpc#prepare}); otherwise as {@link #onRpcBytes}.
   */
  public void onVerifiedRpc(PeerId peer, VerifiedRpc verified) {
    handle(peer, verified.rpc(), verified);
  }

  /** The network-wide id of {@code message}; safe to call from any thread. */
  MessageId idOf(PubSubMessage message) {
    return idFunction.apply(message);
  }

  /**
   * Whether the seen cache holds {@code id} (then the router drops the message as a duplicate
   * without checking its signature); safe to call from any thread, a moment stale at worst.
   */
  boolean seenFromAnyThread(MessageId id) {
    return s.seen.containsFromAnyThread(id);
  }

  /** The names of the topics we are subscribed to; safe to call from any thread. */
  public Set<String> joinedTopicNames() {
    return joinedTopicNames;
  }

  /**
   * One decoded RPC from {@code peer}: subscriptions, then messages, then control. Dropped whole if
   * the peer is unknown or graylisted.
   */
  public void onRpc(PeerId peer, Rpc rpc) {
    handle(peer, rpc, null);
  }

  private void handle(PeerId peer, Rpc rpc, VerifiedRpc verified) {
    PeerState state = s.peers.get(peer);
    if (state == null) {
      return;
    }
    if (s.score(peer) < s.params.score().graylistThreshold()) {
      log.debug("ignoring RPC from graylisted peer {}", peer);
      return;
    }
    onSubscriptions(state, rpc.subscriptions());
    if (verified != null) {
      validation.onMessages(peer, verified);
    } else {
      validation.onMessages(peer, rpc.publish());
    }
    Rpc.Control control = rpc.control();
    gossip.onIHave(state, control.ihave());
    gossip.onIWant(state, control.iwant());
    mesh.onGraft(peer, control.graft());
    mesh.onPrune(peer, control.prune());
    s.outbound.flush();
  }

  private void onSubscriptions(PeerState peer, List<Rpc.SubOpts> subscriptions) {
    for (Rpc.SubOpts sub : subscriptions) {
      Topic topic = MeshMaintenance.topicOrNull(sub.topicId());
      if (topic == null) {
        continue;
      }
      if (sub.subscribe()) {
        if (peer.topics.size() < PeerState.MAX_TOPICS_PER_PEER && peer.topics.add(topic)) {
          s.topicPeers.computeIfAbsent(topic, t -> s.newPeerSet()).add(peer.id);
        }
      } else if (peer.topics.remove(topic)) {
        Set<PeerId> peers = s.topicPeers.get(topic);
        peers.remove(peer.id);
        if (peers.isEmpty()) {
          s.topicPeers.remove(topic);
        }
        mesh.forget(peer.id, topic);
      }
    }
  }

  /**
   * Joins {@code topic}: announces the subscription to every peer, then GRAFTs up to D of them.
   *
   * @throws IllegalStateException if already subscribed
   */
  public void subscribe(Topic topic, MessageValidator validator, MessageHandler handler) {
    if (s.subscriptions.containsKey(topic)) {
      throw new IllegalStateException("already subscribed to " + topic);
    }
    s.subscriptions.put(topic, new RouterState.Subscription(validator, handler));
    updateJoinedTopicNames();
    for (PeerId peer : s.peers.keySet()) {
      s.outbound.subscription(peer, new Rpc.SubOpts(true, topic.name()));
    }
    s.outbound.flush(); // subscriptions travel before the GRAFTs
    mesh.join(topic);
    s.outbound.flush();
  }

  /**
   * Leaves {@code topic}: PRUNEs the mesh and announces the unsubscription. No-op if not joined.
   */
  public void unsubscribe(Topic topic) {
    if (s.subscriptions.remove(topic) == null) {
      return;
    }
    updateJoinedTopicNames();
    mesh.leave(topic);
    for (PeerId peer : s.peers.keySet()) {
      s.outbound.subscription(peer, new Rpc.SubOpts(false, topic.name()));
    }
    s.outbound.flush();
  }

  /**
   * Signs and publishes {@code data} on {@code topic}: with flood publishing to every topic peer at
   * or above the publish threshold, else to the mesh (or fanout if not joined). Our own messages
   * are not delivered to our own handlers. Publishing a payload whose id was already accepted
   * (published or forwarded) sends nothing; one seen but not accepted (still being validated, or
   * ignored, e.g. a peer's copy of what the application is vouching for now) is published.
   *
   * @return the message id
   * @throws IllegalArgumentException if the data cannot fit in one RPC
   */
  public MessageId publish(Topic topic, byte[] data) {
    return publishSigned(sign(topic, data));
  }

  /**
   * Signs {@code data} for {@code topic} with a fresh seqno, ready for {@link #publishSigned}. The
   * one router method that is thread-safe: signing is the costly half of publishing, so it can run
   * on another thread.
   *
   * @throws IllegalArgumentException if the data cannot fit in one RPC
   */
  public RpcMessage sign(Topic topic, byte[] data) {
    if (data.length > s.params.maxRpcBytes() - MESSAGE_ENVELOPE_BYTES) {
      throw new IllegalArgumentException(
          "message data of "
              + data.length
              + " bytes does not fit an RPC of "
              + s.params.maxRpcBytes()
              + " bytes");
    }
    byte[] seqno =
        ByteBuffer.allocate(StrictSign.SEQNO_BYTES).putLong(nextSeqno.getAndIncrement()).array();
    return StrictSign.sign(identity, topic, data, seqno);
  }

  /**
   * Publishes a message {@link #sign} made (see {@link #publish}).
   *
   * @return the message id
   */
  public MessageId publishSigned(RpcMessage message) {
    if (!java.util.Arrays.equals(message.from(), s.self.toBytes()) || message.signature() == null) {
      throw new IllegalArgumentException("not a message this router signed");
    }
    Topic topic = new Topic(message.topic());
    MessageId id =
        idFunction.apply(new PubSubMessage(topic, s.self, message.seqno(), message.data()));
    SeenCache.Entry seen = s.seen.get(id);
    if (seen != null && seen.status == SeenCache.Status.ACCEPTED) {
      return id;
    }
    s.seen.add(id, SeenCache.Status.ACCEPTED, s.now());
    s.mcache.put(id, topic, message);
    for (PeerId peer : publishTargets(topic)) {
      s.outbound.message(peer, message);
    }
    s.outbound.flush();
    return id;
  }

  private void updateJoinedTopicNames() {
    Set<String> names = new HashSet<>();
    for (Topic joined : s.subscriptions.keySet()) {
      names.add(joined.name());
    }
    joinedTopicNames = Set.copyOf(names);
  }

  private Collection<PeerId> publishTargets(Topic topic) {
    double threshold = s.params.score().publishThreshold();
    if (s.params.floodPublish()) {
      return s.pick(s.peersOf(topic), Integer.MAX_VALUE, p -> s.score(p) >= threshold);
    }
    Set<PeerId> meshPeers = s.mesh.get(topic);
    return meshPeers != null ? meshPeers : mesh.fanoutFor(topic);
  }

  /**
   * The periodic procedure: score decay, mesh and fanout maintenance, gossip emission, cache shifts
   * and expiry. Call every {@code heartbeatInterval} on the router's executor.
   */
  public void heartbeat() {
    long now = s.now();
    s.scoring.refresh(now);
    validation.expireStale();
    s.expireBackoffs();
    mesh.heartbeat();
    gossip.heartbeat();
    s.mcache.shift();
    s.seen.expire(now);
    s.outbound.flush();
  }

  /** Peers in our mesh for {@code topic} (a copy; empty if not joined). */
  public Set<PeerId> meshPeers(Topic topic) {
    return new HashSet<>(s.mesh.getOrDefault(topic, Set.of()));
  }

  /** Peers in our fanout for {@code topic} (a copy). */
  public Set<PeerId> fanoutPeers(Topic topic) {
    return new HashSet<>(s.fanout.getOrDefault(topic, Set.of()));
  }

  /** Connected peers that announced {@code topic} (a copy). */
  public Set<PeerId> topicPeers(Topic topic) {
    return new HashSet<>(s.peersOf(topic));
  }

  /** The current score of {@code peer}. */
  public double score(PeerId peer) {
    return s.score(peer);
  }

  /** Whether {@code peer}'s RPCs are currently ignored. */
  public boolean isGraylisted(PeerId peer) {
    return s.score(peer) < s.params.score().graylistThreshold();
  }

  /**
   * Adds {@code count} to {@code peer}'s behavioural penalty (P₇), for misbehaviour the application
   * saw outside gossipsub's own validation (e.g. a bad answer on another protocol). Decays like
   * every P₇ penalty; dropped for a peer neither connected nor retained.
   *
   * @throws IllegalArgumentException if {@code count} is not positive and finite
   */
  public void penalize(PeerId peer, double count) {
    if (!(count > 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("a penalty is positive and finite, not " + count);
    }
    s.scoring.behaviourPenalty(peer, count);
  }
}
