package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.pubsub.gossip.host.GossipNode;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import dev.payrelay.settlement.ChainVerifier;
import dev.payrelay.settlement.InvoiceLedger;
import dev.payrelay.settlement.SettlementEngine;
import dev.payrelay.settlement.SettlementStore;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One PayRelay node on the settlement network, started in one call: a libp2p host listening on the
 * configured addresses, gossipsub, the {@link SettlementEngine} over a {@link
 * GossipSettlementNetwork}, the membership policy on every connection, bootstrap and known peers
 * redialled with backoff while disconnected (and kept in the peer file), catch-up on every
 * (re)connection to a peer that serves sync, and held proofs retried on a schedule. {@link
 * #close()} stops all of it and frees the ports. Its threads are daemons named after the node.
 */
public final class SettlementNode implements AutoCloseable {
  /** How long {@link #start} waits for the listeners to bind. */
  static final Duration START_WAIT = Duration.ofSeconds(30);

  /** How long {@link #status()} waits for the gossip router's figures. */
  static final Duration STATUS_WAIT = Duration.ofSeconds(5);

  /** Threads that run validation, catch-up and retries (they wait on the chain or database). */
  static final int WORK_THREADS = 8;

  /** Tasks queued for those threads beyond which new work is refused (and the message ignored). */
  static final int WORK_QUEUE = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(SettlementNode.class);

  private final NetworkConfig config;
  private final SwarmHost host;
  private final GossipNode gossip;
  private final SettlementEngine engine;
  private final PeerBook book;
  private final Redialer redialer;
  private final NodeConnections connections;
  private final ScheduledExecutorService timers;
  private final Scheduler work;
  private final AtomicBoolean retrying = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SettlementNode(
      NetworkConfig config,
      SwarmHost host,
      GossipNode gossip,
      SettlementEngine engine,
      PeerBook book,
      Redialer redialer,
      NodeConnections connections,
      ScheduledExecutorService timers,
      Scheduler work) {
    this.config = config;
    this.host = host;
    this.gossip = gossip;
    this.engine = engine;
    this.book = book;
    this.redialer = redialer;
    this.connections = connections;
    this.timers = timers;
    this.work = work;
  }

  /**
   * Starts a node; returns once it listens. Bootstrap and known peers are dialled in the
   * background.
   *
   * @throws IllegalStateException if a listen address cannot be bound
   */
  public static SettlementNode start(
      NodeIdentity identity,
      NetworkConfig config,
      InvoiceLedger ledger,
      SettlementStore store,
      ChainVerifier chains,
      Clock clock) {
    String name = shortId(identity.peerId());
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "settlement-net-" + name);
              thread.setDaemon(true);
              return thread;
            });
    Scheduler work =
        Schedulers.newBoundedElastic(WORK_THREADS, WORK_QUEUE, "settlement-work-" + name, 60, true);
    SwarmHost host =
        SwarmHost.create(
            SwarmConfig.defaults(
                    identity.keyPair(), config.listenAddresses().toArray(Multiaddr[]::new))
                .withMaxConnections(config.maxConnections()));
    GossipNode gossip = null;
    try {
      PeerBook book = new PeerBook(config.peerStoreFile(), timers);
      book.load();
      config.bootstrap().forEach(book::remember);
      Redialer redialer =
          new Redialer(
              timers,
              new SplittableRandom(new SecureRandom().nextLong()),
              clock,
              peer -> dialKnown(host, book, peer),
              peer -> !host.connections(peer).isEmpty());
      NodeConnections connections =
          new NodeConnections(host, config.membership(), book, redialer, clock, work);
      host.addConnectionListener(connections); // before gossip's, so strangers go first
      host.start().get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      gossip = GossipNode.start(host, identity.keyPair(), GossipParams.defaults(), clock);
      SettlementEngine engine =
          new SettlementEngine(
              identity,
              config.settlement(),
              ledger,
              new GossipSettlementNetwork(gossip, new SyncStreams(host, timers), work),
              store,
              chains,
              clock);
      engine.start();
      connections.engine(engine);
      SettlementNode node =
          new SettlementNode(
              config, host, gossip, engine, book, redialer, connections, timers, work);
      node.begin();
      return node;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopAll(gossip, host, timers, work);
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      stopAll(gossip, host, timers, work);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot start the settlement node on " + config.listenAddresses() + ": " + cause, cause);
    }
  }

  private void begin() {
    LOG.info(
        "settlement node {} listening on {} (network {}, membership {})",
        peerId(),
        listenAddresses(),
        config.settlement().networkId(),
        config.membership());
    long every = config.retryHeldEvery().toMillis();
    timers.scheduleWithFixedDelay(this::retryHeld, every, every, TimeUnit.MILLISECONDS);
    Set<PeerId> wanted = new LinkedHashSet<>();
    config.bootstrap().forEach(address -> wanted.add(address.peerId().orElseThrow()));
    wanted.addAll(book.peers());
    wanted.remove(peerId());
    wanted.stream().filter(config.membership()::admits).forEach(redialer::want);
  }

  public SettlementEngine engine() {
    return engine;
  }

  public PeerId peerId() {
    return host.peerId();
  }

  /** Where the node listens (real ports), each ending in {@code /p2p/<our id>}. */
  public List<Multiaddr> listenAddresses() {
    return host.listenAddresses().stream().map(a -> a.withPeerId(peerId())).toList();
  }

  /**
   * Connects to the peer at {@code address} (ending in {@code /p2p/<peer id>}), remembers it in the
   * peer file and keeps redialling it while disconnected.
   *
   * @return the peer; failed if the address names no peer, the peer is not a member, or the dial
   *     fails
   */
  public CompletableFuture<PeerId> dial(Multiaddr address) {
    if (address.peerId().isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(address + " does not end in /p2p/<peer id>"));
    }
    PeerId peer = address.peerId().get();
    if (peer.equals(peerId())) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(address + " is this node"));
    }
    if (!config.membership().admits(peer)) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(peer + " is not on this node's allowlist"));
    }
    return host.connect(address)
        .thenApply(
            connection -> {
              book.remember(address);
              redialer.want(peer);
              return peer;
            });
  }

  /** A snapshot of peers, scores and mesh sizes; waits at most {@link #STATUS_WAIT} for gossip. */
  public NetworkStatus status() {
    Map<PeerId, Connection> oldest = new LinkedHashMap<>();
    Map<PeerId, Instant> since = new LinkedHashMap<>();
    for (Connection connection : host.connections()) {
      PeerId peer = connection.remotePeer();
      connections
          .oldest(peer)
          .ifPresent(
              entry -> {
                oldest.put(peer, entry.getKey());
                since.put(peer, entry.getValue());
              });
    }
    List<PeerStatus> peers = new ArrayList<>();
    for (Map.Entry<PeerId, Connection> entry : oldest.entrySet()) {
      PeerId peer = entry.getKey();
      peers.add(
          new PeerStatus(
              peer,
              host.peerStore().addresses(peer).stream().map(a -> a.withPeerId(peer)).toList(),
              entry.getValue().direction() == Connection.Direction.INBOUND ? "inbound" : "outbound",
              awaitGossip(gossip.score(peer)),
              awaitGossip(gossip.isGraylisted(peer)),
              since.get(peer)));
    }
    Map<String, Integer> mesh = new LinkedHashMap<>();
    for (String topic :
        List.of(config.settlement().proofsTopic(), config.settlement().receiptsTopic())) {
      mesh.put(topic, awaitGossip(gossip.meshPeers(Topic.of(topic))).size());
    }
    return new NetworkStatus(peerId(), listenAddresses(), peers, mesh);
  }

  /** Stops the engine's network, gossip and host (freeing the ports), and the node's threads. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    redialer.close();
    book.save();
    stopAll(gossip, host, timers, work);
    LOG.info("settlement node {} stopped", peerId());
  }

  private void retryHeld() {
    if (closed.get() || !retrying.compareAndSet(false, true)) {
      return;
    }
    engine
        .retryHeld()
        .subscribeOn(work)
        .doFinally(signal -> retrying.set(false))
        .subscribe(
            done -> {
              if (done > 0) {
                LOG.info("{} held proofs and receipts went through", done);
              }
            },
            error -> LOG.warn("retrying held proofs failed: {}", error.toString()));
  }

  private static CompletableFuture<?> dialKnown(SwarmHost host, PeerBook book, PeerId peer) {
    host.peerStore().addAddresses(peer, book.addresses(peer));
    return host.connect(peer);
  }

  private static <T> T awaitGossip(CompletableFuture<T> future) {
    try {
      return future.get(STATUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the gossip status", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the gossip router did not answer: " + e, e);
    }
  }

  private static void stopAll(
      GossipNode gossip, SwarmHost host, ScheduledExecutorService timers, Scheduler work) {
    if (gossip != null) {
      gossip.close();
    }
    host.close();
    timers.shutdownNow();
    work.dispose();
  }

  private static String shortId(PeerId peer) {
    String text = peer.toString();
    return text.substring(Math.max(0, text.length() - 6));
  }
}
