package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import dev.payrelay.p2p.pubsub.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One router of a test network, with what its application received and when. */
final class SimNode {
  record Delivery(MessageId id, PubSubMessage message, long atMillis) {}

  final int index;
  final Ed25519KeyPair key;
  final GossipRouter router;
  final List<Delivery> deliveries = new ArrayList<>();
  Runnable afterHeartbeat = () -> {};
  private final VirtualTime time;
  private final Map<PeerId, RpcFrameDecoder> inbound = new HashMap<>();

  SimNode(int index, VirtualTime time, GossipParams params, long seed) {
    this.index = index;
    this.time = time;
    SplittableRandom random = new SplittableRandom(seed);
    byte[] keySeed = new byte[32];
    random.nextBytes(keySeed);
    this.key = Ed25519KeyPair.fromSeed(keySeed);
    this.router =
        new GossipRouter(
            key, params, MessageIdFunction.SHA256_OF_DATA, time.clock, random, time.executor);
  }

  void heartbeat() {
    router.heartbeat();
    afterHeartbeat.run();
  }

  PeerId id() {
    return key.peerId();
  }

  void subscribe(Topic topic) {
    subscribe(topic, MessageValidator.ACCEPT_ALL);
  }

  void subscribe(Topic topic, MessageValidator validator) {
    router.subscribe(
        topic,
        validator,
        (id, message) -> deliveries.add(new Delivery(id, message, time.nowMillis())));
  }

  /** Bytes from {@code peer}'s outbound stream arrive on our inbound stream from it. */
  void receive(PeerId peer, byte[] bytes) {
    RpcFrameDecoder decoder =
        inbound.computeIfAbsent(peer, p -> new RpcFrameDecoder(router.params().maxRpcBytes()));
    for (byte[] body : decoder.feed(bytes)) {
      router.onRpcBytes(peer, body);
    }
  }

  long deliveredCount(MessageId id) {
    return deliveries.stream().filter(d -> d.id().equals(id)).count();
  }

  @Override
  public String toString() {
    return "node" + index;
  }
}
