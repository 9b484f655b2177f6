package dev.payrelay.p2p.pubsub.gossip;

import static dev.payrelay.p2p.pubsub.gossip.RouterUnderTest.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.pubsub.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RPCs decoded and signature-checked off the router thread, and publishes signed off it. */
class VerifiedRpcTest {

  private static VerifiedRpc prepared(RouterUnderTest r, RpcMessage... messages) {
    byte[] body = RpcCodec.encode(new Rpc(List.of(), List.of(messages), null));
    return VerifiedRpc.prepare(body, r.router);
  }

  @Test
  void checksSignaturesOnJoinedTopicsOnlyAndTheRouterActsOnTheVerdicts() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer liar = r.peerOnTopic();
    RawPeer author = r.peerOnTopic();
    RpcMessage genuine = author.signed(TOPIC, "receipt".getBytes());
    RpcMessage forged = genuine.withSignature(new byte[64], null);
    RpcMessage elsewhere = author.signed(new Topic("not-joined"), "other".getBytes());

    VerifiedRpc fromLiar = prepared(r, forged, elsewhere);
    assertThat(fromLiar.verification(0).failure()).isEqualTo(StrictSign.Failure.BAD_SIGNATURE);
    assertThat(fromLiar.verification(1)).as("not joined: left to the router").isNull();
    r.router.onVerifiedRpc(liar.id(), fromLiar);
    r.router.onVerifiedRpc(author.id(), prepared(r, genuine));
    r.runPending();

    assertThat(r.node.deliveries).hasSize(1);
    assertThat(r.node.deliveries.get(0).message().data()).isEqualTo("receipt".getBytes());
    assertThat(r.router.score(liar.id())).isEqualTo(-10.0);
    assertThat(r.router.score(author.id())).isZero();
  }

  @Test
  void aMessageTheRouterHasSeenIsNotVerifiedAgainAndIsDroppedAsADuplicate() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer first = r.peerOnTopic();
    RawPeer second = r.peerOnTopic();
    RpcMessage genuine = first.signed(TOPIC, "proof".getBytes());
    RpcMessage forgedCopy = genuine.withSignature(new byte[64], null);
    r.router.onVerifiedRpc(first.id(), prepared(r, genuine));
    r.runPending();
    assertThat(r.node.deliveries).hasSize(1);

    VerifiedRpc copies = prepared(r, genuine, forgedCopy);
    assertThat(copies.verification(0)).as("seen: not verified").isNull();
    assertThat(copies.verification(1)).isNull();
    assertThat(copies.wasSeen(0)).isTrue();
    assertThat(copies.wasSeen(1)).isTrue();
    assertThat(copies.id(0)).isNotNull().isEqualTo(copies.id(1));
    r.router.onVerifiedRpc(second.id(), copies);
    r.runPending();

    assertThat(r.node.deliveries).hasSize(1);
    assertThat(r.router.score(second.id())).as("a duplicate is not an offence").isZero();
  }

  @Test
  void aCopySkippedAsSeenWhoseIdExpiredBeforeTheRouterTookItIsVerifiedByTheRouter() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer liar = r.peerOnTopic();
    RawPeer author = r.peerOnTopic();
    RpcMessage genuine = author.signed(TOPIC, "receipt".getBytes());
    r.router.onVerifiedRpc(author.id(), prepared(r, genuine));
    r.runPending();
    VerifiedRpc forgedCopy = prepared(r, genuine.withSignature(new byte[64], null));
    assertThat(forgedCopy.wasSeen(0)).isTrue();
    assertThat(forgedCopy.verification(0)).isNull();

    // the id leaves the seen cache before the router takes the prepared RPC
    r.run(r.router.params().seenTtl().plus(r.router.params().heartbeatInterval().multipliedBy(2)));
    r.router.onVerifiedRpc(liar.id(), forgedCopy);
    r.runPending();

    assertThat(r.node.deliveries).hasSize(1);
    assertThat(r.router.score(liar.id())).isEqualTo(-10.0);
  }

  @Test
  void aMalformedBodyFailsToPrepare() {
    RouterUnderTest r = new RouterUnderTest();
    assertThatThrownBy(() -> VerifiedRpc.prepare(new byte[] {(byte) 0xff, (byte) 0xff}, r.router))
        .isInstanceOf(RpcFormatException.class);
  }

  @Test
  void publishSignedSendsWhatSignMadeAndRefusesAnotherKeysMessage() {
    RouterUnderTest r = new RouterUnderTest();
    r.subscribe();
    RawPeer peer = r.peerOnTopic();
    RpcMessage first = r.router.sign(TOPIC, "one".getBytes());
    RpcMessage second = r.router.sign(TOPIC, "two".getBytes());
    assertThat(StrictSign.verify(first).isValid()).isTrue();
    assertThat(second.seqno()).isNotEqualTo(first.seqno());

    r.router.publishSigned(second);
    r.router.publishSigned(first);
    r.runPending();
    assertThat(peer.messages()).containsExactly(second, first);

    RpcMessage foreign = peer.signed(TOPIC, "not ours".getBytes());
    assertThatThrownBy(() -> r.router.publishSigned(foreign))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
