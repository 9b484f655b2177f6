package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.PubSub;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GossipPubSubTest {

  @Test
  void runsEveryCallOnTheRoutersExecutor() {
    RouterUnderTest r = new RouterUnderTest();
    RawPeer peer = r.peerOnTopic();
    PubSub pubsub = new GossipPubSub(r.router, r.time.executor);
    CompletableFuture<Void> subscribed =
        pubsub.subscribe(TOPIC, MessageValidator.ACCEPT_ALL, (id, m) -> {}).toCompletableFuture();
    byte[] data = "receipt".getBytes();
    CompletableFuture<MessageId> published = pubsub.publish(TOPIC, data).toCompletableFuture();
    data[0] = 'X'; // the caller's array is copied at once
    assertThat(subscribed).isNotDone();
    assertThat(peer.messages()).isEmpty();
    r.runPending();
    assertThat(subscribed).isCompleted();
    assertThat(published).isCompleted();
    assertThat(peer.messages()).hasSize(1);
    assertThat(peer.messages().get(0).data()).isEqualTo("receipt".getBytes());
    CompletableFuture<Void> again =
        pubsub.subscribe(TOPIC, MessageValidator.ACCEPT_ALL, (id, m) -> {}).toCompletableFuture();
    r.runPending();
    assertThat(again).isCompletedExceptionally();
  }
}
