package dev.payrelay.p2p.pubsub;

import java.util.concurrent.CompletionStage;

/**
 * Publish/subscribe as the application uses it, safe to call from any thread: each call is handed
 * to the router's own thread and the returned stage completes there.
 */
public interface PubSub {
  /**
   * Joins {@code topic}; accepted messages go to {@code handler}, after {@code validator} accepts
   * them. Fails with {@link IllegalStateException} if already subscribed.
   */
  CompletionStage<Void> subscribe(Topic topic, MessageValidator validator, MessageHandler handler);

  /** Leaves {@code topic}; nothing happens if not subscribed. */
  CompletionStage<Void> unsubscribe(Topic topic);

  /** Signs and publishes {@code data}; completes with the message id. */
  CompletionStage<MessageId> publish(Topic topic, byte[] data);
}
