package dev.payrelay.p2p.pubsub.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.KeyType;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.PublicKey;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.StrictSign.Failure;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrictSignTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 section 7.1, TEST 1: secret key (seed) and public key. */
  private static final String RFC8032_SEED =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

  private static final String RFC8032_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  private static final Topic TOPIC = Topic.of("/payrelay/test/proofs/1");
  private static final byte[] SEQNO = HEX.parseHex("0000000000000001");
  private static final byte[] DATA = "hello".getBytes(StandardCharsets.UTF_8);

  private final Ed25519KeyPair key = Ed25519KeyPair.fromSeed(HEX.parseHex(RFC8032_SEED));
  private final Ed25519KeyPair other = Ed25519KeyPair.fromSeed(new byte[32]);

  @Test
  void signsThePrefixAndFieldsOneToFourOnly() {
    String peerIdHex = "0024" + "08011220" + RFC8032_PUBLIC;
    String expected =
        HEX.formatHex("libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII))
            + "0a26"
            + peerIdHex
            + "1205"
            + HEX.formatHex(DATA)
            + "1a08"
            + "0000000000000001"
            + "2217"
            + HEX.formatHex(TOPIC.name().getBytes(StandardCharsets.UTF_8));
    RpcMessage signed = StrictSign.sign(key, TOPIC, DATA, SEQNO);

    assertThat(HEX.formatHex(StrictSign.signingBytes(signed))).isEqualTo(expected);
    assertThat(HEX.formatHex(signed.from())).isEqualTo(peerIdHex);
    assertThat(signed.key()).as("an Ed25519 key is inlined in the peer id").isNull();
    assertThat(signed.signature()).hasSize(64);
    assertThat(
            PublicKey.ed25519(HEX.parseHex(RFC8032_PUBLIC))
                .verify(HEX.parseHex(expected), signed.signature()))
        .isTrue();
  }

  @Test
  void signatureIsDeterministicAndPinned() {
    RpcMessage signed = StrictSign.sign(key, TOPIC, DATA, SEQNO);
    assertThat(StrictSign.sign(key, TOPIC, DATA, SEQNO).signature()).isEqualTo(signed.signature());
    assertThat(HEX.formatHex(signed.signature())).isEqualTo(PINNED_SIGNATURE);
  }

  /**
   * Ed25519 of the signing bytes of {@link #signsThePrefixAndFieldsOneToFourOnly} by the RFC's TEST
   * 1 key, computed independently with OpenSSL (python {@code cryptography}) from the hand-written
   * bytes.
   */
  private static final String PINNED_SIGNATURE =
      "20801991c46bd581f6409bd1efaa44ef4a22325491f279ce9d9b4e72ed32008a"
          + "21201cfa45238ef6cfd2e8b17ca64f28c7196ad66d9e87ecca51dd877ea8670d";

  /**
   * A message built and signed by js-libp2p ({@code @libp2p/gossipsub} 17.1.1, {@code
   * buildRawMessage} with StrictSign) with the RFC 8032 TEST 1 key; js sends the {@code key} field
   * too. The same js code accepts {@link #PINNED_SIGNATURE} ({@code validateToRawMessage}), and
   * decodes and re-encodes {@link RpcCodecTest#GOLDEN_RPC_HEX} to the same bytes.
   */
  private static final String JS_SIGNED_MESSAGE =
      "0a26002408011220d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
          + "120c7369676e6564206279206a73"
          + "1a0818ea4917cbde8f81"
          + "22172f70617972656c61792f746573742f70726f6f66732f31"
          + "2a40dd35eeea781c2c676d2964948b9320f6b9d22adc8d750990964ef55b23598c41d4772d6c57ac46fca8"
          + "e8fde7fd59b7473d97d5025054c4279482b32e475bdf0f"
          + "322408011220d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  @Test
  void verifiesAMessageSignedByJsLibp2p() {
    Rpc rpc =
        RpcCodec.decode(RpcFrameDecoderTestSupport.wrapAsPublish(HEX.parseHex(JS_SIGNED_MESSAGE)));
    RpcMessage js = rpc.publish().get(0);
    assertThat(js.key()).isEqualTo(key.publicKey().marshal());
    StrictSign.Verification v = StrictSign.verify(js);
    assertThat(v.failure()).isNull();
    assertThat(v.message().from()).isEqualTo(key.peerId());
    assertThat(new String(v.message().data(), StandardCharsets.UTF_8)).isEqualTo("signed by js");
    assertThat(HEX.formatHex(RpcCodec.encodeMessage(js))).isEqualTo(JS_SIGNED_MESSAGE);
    byte[] tampered = js.data().clone();
    tampered[0] ^= 1;
    assertFailure(
        new RpcMessage(js.from(), tampered, js.seqno(), js.topic(), js.signature(), js.key()),
        Failure.BAD_SIGNATURE);
  }

  @Test
  void verifiesItsOwnSignatureAndExposesTheMessage() {
    StrictSign.Verification v = StrictSign.verify(StrictSign.sign(key, TOPIC, DATA, SEQNO));
    assertThat(v.failure()).isNull();
    assertThat(v.message().from()).isEqualTo(key.peerId());
    assertThat(v.message().topic()).isEqualTo(TOPIC);
    assertThat(v.message().seqno()).isEqualTo(SEQNO);
    assertThat(v.message().data()).isEqualTo(DATA);
  }

  @Test
  void rejectsTamperedDataFromSeqnoAndTopic() {
    RpcMessage m = StrictSign.sign(key, TOPIC, DATA, SEQNO);
    assertFailure(
        new RpcMessage(m.from(), "hellp".getBytes(), m.seqno(), m.topic(), m.signature(), null),
        Failure.BAD_SIGNATURE);
    assertFailure(
        new RpcMessage(
            other.peerId().toBytes(), m.data(), m.seqno(), m.topic(), m.signature(), null),
        Failure.BAD_SIGNATURE);
    assertFailure(
        new RpcMessage(
            m.from(), m.data(), HEX.parseHex("0000000000000002"), m.topic(), m.signature(), null),
        Failure.BAD_SIGNATURE);
    assertFailure(
        new RpcMessage(
            m.from(), m.data(), m.seqno(), "/payrelay/test/proofs/2", m.signature(), null),
        Failure.BAD_SIGNATURE);
    byte[] flipped = m.signature().clone();
    flipped[10] ^= 1;
    assertFailure(m.withSignature(flipped, null), Failure.BAD_SIGNATURE);
  }

  @Test
  void rejectsASignatureByAnotherKey() {
    RpcMessage byOther = StrictSign.sign(other, TOPIC, DATA, SEQNO);
    RpcMessage claimed =
        new RpcMessage(
            key.peerId().toBytes(), DATA, SEQNO, TOPIC.name(), byOther.signature(), null);
    assertFailure(claimed, Failure.BAD_SIGNATURE);
    assertFailure(
        claimed.withSignature(byOther.signature(), other.publicKey().marshal()),
        Failure.KEY_DOES_NOT_MATCH_FROM);
  }

  @Test
  void acceptsAMatchingKeyFieldWhichIsNotSigned() {
    RpcMessage m = StrictSign.sign(key, TOPIC, DATA, SEQNO);
    RpcMessage withKey = m.withSignature(m.signature(), key.publicKey().marshal());
    assertThat(StrictSign.signingBytes(withKey)).isEqualTo(StrictSign.signingBytes(m));
    assertThat(StrictSign.verify(withKey).isValid()).isTrue();
    assertFailure(m.withSignature(m.signature(), new byte[] {8, 1}), Failure.INVALID_KEY);
  }

  @Test
  void rejectsMissingOrMalformedFields() {
    RpcMessage m = StrictSign.sign(key, TOPIC, DATA, SEQNO);
    assertFailure(
        new RpcMessage(null, m.data(), m.seqno(), m.topic(), m.signature(), null),
        Failure.MISSING_FROM);
    assertFailure(
        new RpcMessage(new byte[] {1, 2}, m.data(), m.seqno(), m.topic(), m.signature(), null),
        Failure.INVALID_FROM);
    assertFailure(
        new RpcMessage(m.from(), m.data(), null, m.topic(), m.signature(), null),
        Failure.MISSING_SEQNO);
    assertFailure(
        new RpcMessage(m.from(), m.data(), new byte[7], m.topic(), m.signature(), null),
        Failure.INVALID_SEQNO);
    assertFailure(
        new RpcMessage(m.from(), m.data(), m.seqno(), null, m.signature(), null),
        Failure.MISSING_TOPIC);
    assertFailure(
        new RpcMessage(m.from(), m.data(), m.seqno(), "", m.signature(), null),
        Failure.INVALID_TOPIC);
    assertFailure(m.withSignature(null, null), Failure.MISSING_SIGNATURE);
  }

  @Test
  void fieldPresenceIsPartOfWhatIsSigned() {
    RpcMessage noData =
        new RpcMessage(key.peerId().toBytes(), null, SEQNO, TOPIC.name(), null, null);
    RpcMessage signed = noData.withSignature(key.sign(StrictSign.signingBytes(noData)), null);
    StrictSign.Verification v = StrictSign.verify(signed);
    assertThat(v.isValid()).isTrue();
    assertThat(v.message().data()).isEmpty();
    RpcMessage emptyData =
        new RpcMessage(signed.from(), new byte[0], SEQNO, TOPIC.name(), signed.signature(), null);
    assertFailure(emptyData, Failure.BAD_SIGNATURE);
  }

  @Test
  void needsAKeyItCanVerify() {
    PublicKey rsa = new PublicKey(KeyType.RSA, new byte[270]);
    PeerId hashed = PeerId.fromPublicKey(rsa);
    RpcMessage m = new RpcMessage(hashed.toBytes(), DATA, SEQNO, TOPIC.name(), new byte[64], null);
    assertFailure(m, Failure.NO_KEY);
    assertFailure(m.withSignature(new byte[64], rsa.marshal()), Failure.UNSUPPORTED_KEY);
  }

  @Test
  void neverThrowsOnRandomMessages() {
    SplittableRandom random = new SplittableRandom(99);
    RpcMessage valid = StrictSign.sign(key, TOPIC, DATA, SEQNO);
    byte[] encoded = RpcCodec.encodeMessage(valid);
    for (int i = 0; i < 1_000; i++) {
      byte[] mutated = RandomRpcs.mutate(random, encoded);
      Rpc rpc;
      try {
        rpc = RpcCodec.decode(RpcFrameDecoderTestSupport.wrapAsPublish(mutated));
      } catch (RpcFormatException e) {
        continue;
      }
      for (RpcMessage message : rpc.publish()) {
        StrictSign.Verification v = StrictSign.verify(message);
        assertThat(v.isValid() || v.failure() != null).isTrue();
        if (v.isValid()) {
          assertThat(message).isEqualTo(valid);
        }
      }
    }
  }

  private static void assertFailure(RpcMessage message, Failure failure) {
    assertThat(StrictSign.verify(message).failure()).isEqualTo(failure);
  }
}
