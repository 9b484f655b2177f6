package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import java.time.Duration;

/**
 * One router on virtual time, talking to scripted {@link RawPeer}s; heartbeats run every second.
 */
final class RouterUnderTest {
  static final Topic TOPIC = Topic.of("/payrelay/test/proofs/1");

  final VirtualTime time = new VirtualTime();
  final SimNode node;
  final GossipRouter router;
  private int nextPeer = 1;

  RouterUnderTest() {
    this(GossipParams.defaults());
  }

  RouterUnderTest(GossipParams params) {
    this(params, 1234);
  }

  RouterUnderTest(GossipParams params, long seed) {
    this.node = new SimNode(0, time, params, seed);
    this.router = node.router;
    time.every(
        params.heartbeatInterval().toMillis(),
        params.heartbeatInterval().toMillis(),
        router::heartbeat);
  }

  /** A connected raw peer subscribed to {@link #TOPIC}. */
  RawPeer peerOnTopic() {
    RawPeer peer = new RawPeer(router, nextPeer++).connect();
    peer.subscribe(TOPIC);
    return peer;
  }

  /** A raw peer on a connection the router dialed, subscribed to {@link #TOPIC}. */
  RawPeer outboundPeerOnTopic() {
    RawPeer peer = new RawPeer(router, nextPeer++).connectOutbound();
    peer.subscribe(TOPIC);
    return peer;
  }

  RawPeer peer() {
    return new RawPeer(router, nextPeer++).connect();
  }

  void subscribe() {
    node.subscribe(TOPIC);
  }

  void subscribe(MessageValidator validator) {
    node.subscribe(TOPIC, validator);
  }

  void run(Duration duration) {
    time.runFor(duration);
  }

  void runPending() {
    time.runPending();
  }
}
