package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.ValidationResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Publishing data that a peer sent us too: the application vouches for it now, so unless our router
 * already accepted (and so forwarded) that message id, our own copy goes out.
 */
class GossipRepublishTest {

  @Test
  void publishesDataWhosePeerCopyItIgnored() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe((source, message) -> CompletableFuture.completedFuture(ValidationResult.IGNORE));
    RawPeer relay = r.peerOnTopic();
    RawPeer other = r.peerOnTopic();
    r.run(Duration.ofSeconds(1));
    relay.publish(relay.signed(TOPIC, "proof".getBytes()));
    r.runPending();
    assertThat(other.messages()).as("an ignored message is not forwarded").isEmpty();

    r.router.publish(TOPIC, "proof".getBytes());
    r.runPending();

    assertThat(other.messages()).hasSize(1);
    assertThat(other.messages().get(0).from()).isEqualTo(r.router.localPeerId().toBytes());
  }

  @Test
  void publishesNothingForDataItAlreadyAccepted() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer relay = r.peerOnTopic();
    RawPeer other = r.peerOnTopic();
    r.run(Duration.ofSeconds(1));
    relay.publish(relay.signed(TOPIC, "proof".getBytes()));
    r.runPending();
    assertThat(other.messages()).as("forwarded once").hasSize(1);

    r.router.publish(TOPIC, "proof".getBytes());
    r.runPending();

    assertThat(other.messages()).hasSize(1);
  }
}
