package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.pubsub.MessageHandler;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSub;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The thread-safe {@link PubSub} face of a {@link GossipRouter}: every call runs on the router's
 * serial executor, so the application may call from any thread. A publish is signed first on the
 * crypto executor (the router's own by default), then handed to the router: Ed25519 signing is the
 * costly half of a publish and need not hold up the router.
 */
public final class GossipPubSub implements PubSub {
  private final GossipRouter router;
  private final Executor routerExecutor;
  private final Executor cryptoExecutor;

  /** {@code routerExecutor} must be the serial executor the router was built with. */
  public GossipPubSub(GossipRouter router, Executor routerExecutor) {
    this(router, routerExecutor, routerExecutor);
  }

  /**
   * As {@link #GossipPubSub(GossipRouter, Executor)}, signing publishes on {@code cryptoExecutor}
   * (any executor; publishes signed concurrently may go out in a different order).
   */
  public GossipPubSub(GossipRouter router, Executor routerExecutor, Executor cryptoExecutor) {
    this.router = router;
    this.routerExecutor = routerExecutor;
    this.cryptoExecutor = cryptoExecutor;
  }

  @Override
  public CompletionStage<Void> subscribe(
      Topic topic, MessageValidator validator, MessageHandler handler) {
    return CompletableFuture.runAsync(
        () -> router.subscribe(topic, validator, handler), routerExecutor);
  }

  @Override
  public CompletionStage<Void> unsubscribe(Topic topic) {
    return CompletableFuture.runAsync(() -> router.unsubscribe(topic), routerExecutor);
  }

  @Override
  public CompletionStage<MessageId> publish(Topic topic, byte[] data) {
    byte[] copy = data.clone();
    if (cryptoExecutor == routerExecutor) {
      return CompletableFuture.supplyAsync(() -> router.publish(topic, copy), routerExecutor);
    }
    return CompletableFuture.supplyAsync(() -> router.sign(topic, copy), cryptoExecutor)
        .thenApplyAsync(router::publishSigned, routerExecutor);
  }
}
