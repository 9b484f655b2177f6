package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.ValidationResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GossipValidationTest {

  @Test
  void rejectsABadSignaturePenalisesTheSenderAndGraylistsItAfterThree() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer liar = r.peerOnTopic();
    RawPeer author = r.peerOnTopic();
    for (int i = 1; i <= 3; i++) {
      RpcMessage genuine = author.signed(TOPIC, ("payment " + i).getBytes());
      RpcMessage forged =
          new RpcMessage(
              genuine.from(),
              ("forged " + i).getBytes(),
              genuine.seqno(),
              genuine.topic(),
              genuine.signature(),
              null);
      liar.publish(forged);
      r.runPending();
      assertThat(r.node.deliveries).isEmpty();
      assertThat(r.router.score(liar.id())).isEqualTo(-10.0 * i * i);
    }
    assertThat(r.router.isGraylisted(liar.id())).isTrue();
    liar.publish(liar.signed(TOPIC, "a valid message from a graylisted peer".getBytes()));
    liar.send(new Rpc(List.of(new Rpc.SubOpts(false, TOPIC.name())), List.of(), null));
    r.runPending();
    assertThat(r.node.deliveries).as("every RPC of a graylisted peer is dropped").isEmpty();
    assertThat(r.router.topicPeers(TOPIC)).contains(liar.id());
    assertThat(r.router.score(author.id())).isZero();
  }

  @Test
  void aForgedCopyDoesNotShadowTheGenuineMessage() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer liar = r.peerOnTopic();
    RawPeer author = r.peerOnTopic();
    RpcMessage genuine = author.signed(TOPIC, "proof".getBytes());
    liar.publish(genuine.withSignature(new byte[64], null));
    author.publish(genuine);
    r.runPending();
    assertThat(r.node.deliveries).hasSize(1);
  }

  @Test
  void deliversDuplicatesOnceAndDoesNotSendThemBack() {
    RouterUnderTest r = new RouterUnderTest();
    // A validator that answers on a later turn, so that duplicates arrive during validation.
    r.subscribe(
        (source, message) ->
            CompletableFuture.supplyAsync(
                () -> ValidationResult.ACCEPT, task -> r.time.schedule(0, task)));
    RawPeer a = r.peerOnTopic();
    RawPeer b = r.peerOnTopic();
    RawPeer c = r.peerOnTopic();
    r.run(Duration.ofSeconds(1));
    assertThat(r.router.meshPeers(TOPIC)).contains(a.id(), b.id(), c.id());
    RpcMessage message = a.signed(TOPIC, "once".getBytes());
    a.publish(message);
    b.publish(message);
    a.publish(message);
    r.runPending();
    b.publish(message);
    r.runPending();
    assertThat(r.node.deliveries).hasSize(1);
    assertThat(r.node.deliveries.get(0).message().data()).isEqualTo("once".getBytes());
    assertThat(c.messages()).containsExactly(message);
    assertThat(a.messages()).as("never back to the author or sender").isEmpty();
    assertThat(b.messages()).as("nor to a peer that relayed it during validation").isEmpty();
  }

  @Test
  void forwardsOnlyAfterTheAsynchronousValidatorAccepts() {
    RouterUnderTest r = new RouterUnderTest();
    CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
    r.subscribe((source, message) -> verdict);
    RawPeer a = r.peerOnTopic();
    RawPeer b = r.peerOnTopic();
    r.run(Duration.ofSeconds(1));
    b.clear();
    a.publish(a.signed(TOPIC, "proof".getBytes()));
    r.run(Duration.ofMillis(500));
    assertThat(b.messages()).isEmpty();
    assertThat(r.node.deliveries).isEmpty();
    verdict.complete(ValidationResult.ACCEPT);
    r.runPending();
    assertThat(b.messages()).hasSize(1);
    assertThat(r.node.deliveries).hasSize(1);
  }

  @Test
  void rejectPenalisesTheSenderAndPeersThatRelayedTheSameMessage() {
    RouterUnderTest r = new RouterUnderTest();
    CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
    r.subscribe((source, message) -> verdict);
    RawPeer sender = r.peerOnTopic();
    RawPeer relayer = r.peerOnTopic();
    RawPeer late = r.peerOnTopic();
    RawPeer bystander = r.peerOnTopic();
    r.run(Duration.ofSeconds(1));
    bystander.clear();
    RpcMessage bad = sender.signed(TOPIC, "invalid proof".getBytes());
    sender.publish(bad);
    relayer.publish(bad);
    verdict.complete(ValidationResult.REJECT);
    r.runPending();
    late.publish(bad);
    assertThat(r.node.deliveries).isEmpty();
    assertThat(bystander.messages()).isEmpty();
    assertThat(r.router.score(sender.id())).isEqualTo(-10.0);
    assertThat(r.router.score(relayer.id())).isEqualTo(-10.0);
    assertThat(r.router.score(late.id())).isEqualTo(-10.0);
    assertThat(r.router.score(bystander.id())).isZero();
  }

  @Test
  void ignoreDropsQuietlyAndSoDoesAFailingValidator() {
    for (MessageValidator validator :
        List.<MessageValidator>of(
            (s, m) -> CompletableFuture.completedFuture(ValidationResult.IGNORE),
            (s, m) -> CompletableFuture.failedFuture(new IllegalStateException("no RPC node")),
            (s, m) -> {
              throw new IllegalStateException("bug");
            })) {
      RouterUnderTest r = new RouterUnderTest();
      r.subscribe(validator);
      RawPeer a = r.peerOnTopic();
      RawPeer b = r.peerOnTopic();
      r.run(Duration.ofSeconds(1));
      b.clear();
      a.publish(a.signed(TOPIC, "cannot judge yet".getBytes()));
      r.runPending();
      assertThat(r.node.deliveries).isEmpty();
      assertThat(b.messages()).isEmpty();
      assertThat(r.router.score(a.id())).isZero();
    }
  }

  @Test
  void aValidationThatNeverAnswersTimesOutAsIgnore() {
    RouterUnderTest r = new RouterUnderTest();
    CompletableFuture<ValidationResult> never = new CompletableFuture<>();
    r.subscribe((source, message) -> never);
    RawPeer a = r.peerOnTopic();
    RawPeer b = r.peerOnTopic();
    a.publish(a.signed(TOPIC, "stuck".getBytes()));
    r.run(ValidationPipeline.VALIDATION_TIMEOUT.plusSeconds(1));
    b.clear();
    never.complete(ValidationResult.ACCEPT);
    r.runPending();
    assertThat(r.node.deliveries).as("a late answer is dropped").isEmpty();
    assertThat(b.messages()).isEmpty();
  }

  @Test
  void dropsMessagesOfTopicsItHasNotJoinedAndMalformedRpcs() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer a = r.peerOnTopic();
    a.publish(a.signed(dev.payrelay.p2p.pubsub.Topic.of("/other"), "x".getBytes()));
    r.router.onRpcBytes(a.id(), new byte[] {(byte) 0xff, (byte) 0xff});
    r.runPending();
    assertThat(r.node.deliveries).isEmpty();
    assertThat(r.router.score(a.id())).isZero();
  }

  @Test
  void publishesSignedMessagesToAllTopicPeersAndNotToItsOwnHandler() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer a = r.peerOnTopic();
    RawPeer notOnTopic = r.peer();
    var id = r.router.publish(TOPIC, "receipt".getBytes());
    assertThat(a.messages()).hasSize(1);
    assertThat(StrictSign.verify(a.messages().get(0)).message().from()).isEqualTo(r.node.id());
    assertThat(notOnTopic.messages()).isEmpty();
    assertThat(r.node.deliveries).isEmpty();
    a.publish(a.messages().get(0));
    r.runPending();
    assertThat(r.node.deliveries).as("our own message echoed back is a duplicate").isEmpty();
    assertThat(r.router.publish(TOPIC, "receipt".getBytes())).isEqualTo(id);
    assertThat(a.messages()).as("the same payload again is not re-sent").hasSize(1);
  }
}
