/**
 * The application's view of libp2p publish/subscribe: {@link dev.payrelay.p2p.pubsub.Topic}s,
 * {@link dev.payrelay.p2p.pubsub.PubSubMessage}s, message ids and asynchronous validators that
 * answer ACCEPT, REJECT or IGNORE, and {@link dev.payrelay.p2p.pubsub.PubSub}, the thread-safe
 * interface the application calls. The router that implements it is in {@code pubsub.gossip}
 * ({@code GossipPubSub}).
 *
 * <p>Spec: <a href="https://github.com/libp2p/specs/blob/master/pubsub/README.md">libp2p pubsub
 * interface</a>; extended validators from <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.1.md#extended-validators">
 * gossipsub v1.1</a>.
 */
package dev.payrelay.p2p.pubsub;
