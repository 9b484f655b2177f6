package dev.payrelay.p2p.pubsub;

/**
 * Receives the messages of a subscribed topic that its validator accepted, each message id at most
 * once per seen-cache lifetime. Called on the router's thread: return quickly and hand heavy work
 * to another executor.
 */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(MessageId id, PubSubMessage message);
}
