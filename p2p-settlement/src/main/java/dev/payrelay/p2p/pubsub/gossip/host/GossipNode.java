package dev.payrelay.p2p.pubsub.gossip.host;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.pubsub.MessageHandler;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSub;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.GossipParams;
import dev.payrelay.p2p.pubsub.gossip.GossipPubSub;
import dev.payrelay.p2p.pubsub.gossip.GossipRouter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gossipsub on a host in one call: a {@link GossipRouter} on its own single-threaded executor, a
 * {@link GossipHostAdapter} wiring it to the host, and the thread-safe {@link PubSub} face. Ed25519
 * signing and verification run on a small pool beside the router ({@link GossipCryptoPool}). Uses
 * StrictSign and message id = SHA-256 of the data ({@link MessageIdFunction#SHA256_OF_DATA}), as
 * every PayRelay node and its js peers do.
 */
public final class GossipNode implements PubSub, AutoCloseable {
  /** How long {@link #close()} waits for the router's executor to finish its queue. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final GossipRouter router;
  private final ScheduledExecutorService executor;
  private final ExecutorService crypto;
  private final GossipHostAdapter adapter;
  private final GossipPubSub pubSub;

  private GossipNode(
      GossipRouter router,
      ScheduledExecutorService executor,
      ExecutorService crypto,
      GossipHostAdapter adapter) {
    this.router = router;
    this.executor = executor;
    this.crypto = crypto;
    this.adapter = adapter;
    this.pubSub = new GossipPubSub(router, executor, crypto);
  }

  /**
   * Starts gossipsub on a started {@code host}.
   *
   * @param identity the host's key (signs our messages); must be the key of {@code host.peerId()}
   */
  public static GossipNode start(
      Host host, Ed25519KeyPair identity, GossipParams params, Clock clock) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "gossip-" + shortId(host.peerId()));
              thread.setDaemon(true);
              return thread;
            });
    GossipRouter router =
        new GossipRouter(
            identity,
            params,
            MessageIdFunction.SHA256_OF_DATA,
            clock,
            new SplittableRandom(new SecureRandom().nextLong()),
            executor);
    ExecutorService crypto = GossipCryptoPool.create("gossip-crypto-" + shortId(host.peerId()));
    GossipHostAdapter adapter =
        new GossipHostAdapter(
            host, router, executor, GossipHostAdapter.MAX_UNSENT_BYTES_PER_PEER, crypto);
    adapter.start();
    return new GossipNode(router, executor, crypto, adapter);
  }

  private static String shortId(PeerId peer) {
    String text = peer.toString();
    return text.substring(Math.max(0, text.length() - 6));
  }

  @Override
  public CompletionStage<Void> subscribe(
      Topic topic, MessageValidator validator, MessageHandler handler) {
    return pubSub.subscribe(topic, validator, handler);
  }

  @Override
  public CompletionStage<Void> unsubscribe(Topic topic) {
    return pubSub.unsubscribe(topic);
  }

  @Override
  public CompletionStage<MessageId> publish(Topic topic, byte[] data) {
    return pubSub.publish(topic, data);
  }

  /** {@code peer}'s score as the router sees it now. */
  public CompletableFuture<Double> score(PeerId peer) {
    return CompletableFuture.supplyAsync(() -> router.score(peer), executor);
  }

  /** Whether {@code peer}'s RPCs are ignored now (its score is below the graylist threshold). */
  public CompletableFuture<Boolean> isGraylisted(PeerId peer) {
    return CompletableFuture.supplyAsync(() -> router.isGraylisted(peer), executor);
  }

  /**
   * Applies a behavioural penalty of {@code count} to {@code peer} ({@link GossipRouter#penalize}):
   * for misbehaviour the application saw outside gossip validation. Safe from any thread; does
   * nothing once closed.
   *
   * @throws IllegalArgumentException if {@code count} is not positive and finite
   */
  public void penalize(PeerId peer, double count) {
    if (!(count > 0) || Double.isInfinite(count)) {
      throw new IllegalArgumentException("a penalty is positive and finite, not " + count);
    }
    try {
      executor.execute(() -> router.penalize(peer, count));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // closed: nobody's score matters any more
    }
  }

  /** Our mesh peers on {@code topic}. */
  public CompletableFuture<Set<PeerId>> meshPeers(Topic topic) {
    return CompletableFuture.supplyAsync(() -> Set.copyOf(router.meshPeers(topic)), executor);
  }

  /** Peers known to be subscribed to {@code topic}. */
  public CompletableFuture<Set<PeerId>> topicPeers(Topic topic) {
    return CompletableFuture.supplyAsync(() -> Set.copyOf(router.topicPeers(topic)), executor);
  }

  /** The adapter (for back-pressure figures). */
  public GossipHostAdapter adapter() {
    return adapter;
  }

  /** Stops gossip on the host (the host keeps running) and the router's executor. */
  @Override
  public void close() {
    adapter.close();
    crypto.shutdown();
    executor.shutdown();
    try {
      executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
