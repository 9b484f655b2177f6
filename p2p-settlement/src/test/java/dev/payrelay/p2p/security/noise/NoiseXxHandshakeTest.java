package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.security.noise.NoiseXxHandshake.Step;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The libp2p flavour of Noise XX, Java to Java in memory. */
class NoiseXxHandshakeTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Ed25519KeyPair dialer = Ed25519KeyPair.generate();
  private final Ed25519KeyPair listener = Ed25519KeyPair.generate();

  @Test
  void bothSidesLearnEachOthersPeerIdAndTheSameHandshakeHash() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), listener.peerId());
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());

    run(initiator, responder);

    NoiseSession atDialer = initiator.session();
    NoiseSession atListener = responder.session();
    assertThat(atDialer.remotePeerId()).isEqualTo(listener.peerId());
    assertThat(atListener.remotePeerId()).isEqualTo(dialer.peerId());
    assertThat(atDialer.remoteIdentityKey()).isEqualTo(listener.publicKey());
    assertThat(atDialer.handshakeHash()).isEqualTo(atListener.handshakeHash());
    assertThat(atDialer.remoteStreamMuxers()).isEmpty();
    assertThat(atListener.remoteStreamMuxers()).isEmpty();
  }

  @Test
  void transportMessagesRoundTripBothWaysAndCountersAdvance() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());
    run(initiator, responder);
    NoiseSession a = initiator.session();
    NoiseSession b = responder.session();

    for (int i = 0; i < 3; i++) {
      byte[] ping = ("ping " + i).getBytes(StandardCharsets.UTF_8);
      assertThat(b.receiver().decrypt(a.sender().encrypt(ping))).isEqualTo(ping);
    }
    byte[] pong = "pong".getBytes(StandardCharsets.UTF_8);
    assertThat(a.receiver().decrypt(b.sender().encrypt(pong))).isEqualTo(pong);

    assertThat(a.sender().nonce()).isEqualTo(3);
    assertThat(b.receiver().nonce()).isEqualTo(3);
    assertThat(b.sender().nonce()).isEqualTo(1);
    assertThat(a.receiver().nonce()).isEqualTo(1);
  }

  @Test
  void theInitiatorSendsWithTheFirstSplitCipher() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());
    run(initiator, responder);
    byte[] ciphertext = initiator.session().sender().encrypt(new byte[] {1, 2, 3});

    CipherState firstOfSplit = responder.session().receiver();
    assertThat(firstOfSplit.decrypt(ciphertext)).containsExactly(1, 2, 3);
  }

  @Test
  void stepsAlternateWriteReadAsThePatternSays() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());
    assertThat(initiator.nextStep()).isEqualTo(Step.WRITE);
    assertThat(responder.nextStep()).isEqualTo(Step.READ);

    byte[] m1 = initiator.writeMessage();
    assertThat(m1).hasSize(32); // no payload in message 1
    responder.readMessage(m1);
    assertThat(initiator.nextStep()).isEqualTo(Step.READ);
    assertThat(responder.nextStep()).isEqualTo(Step.WRITE);
    initiator.readMessage(responder.writeMessage());
    assertThat(initiator.nextStep()).isEqualTo(Step.WRITE);
    responder.readMessage(initiator.writeMessage());

    assertThat(initiator.nextStep()).isEqualTo(Step.DONE);
    assertThat(responder.nextStep()).isEqualTo(Step.DONE);
  }

  @Test
  void aTamperedIdentitySignatureFromTheResponderIsRejected() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    FakePeer responder = new FakePeer(false, listener, x25519());
    responder.signatureTamper = sig -> sig[0] ^= 0x01;

    byte[] m2 = responder.reply(initiator.writeMessage());

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("identity signature over its Noise static key does not verify")
        .hasMessageContaining(listener.peerId().toString());
    assertThatThrownBy(initiator::writeMessage).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTamperedIdentitySignatureFromTheInitiatorIsRejected() throws Exception {
    FakePeer initiator = new FakePeer(true, dialer, x25519());
    initiator.signatureTamper = sig -> sig[63] ^= 0x40;
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());

    responder.readMessage(initiator.first());
    byte[] m3 = initiator.reply(responder.writeMessage());

    assertThatThrownBy(() -> responder.readMessage(m3))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("does not verify");
    // The Noise layer finished, but the libp2p layer refused: no session may come out of it.
    assertThatThrownBy(responder::session).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(responder::nextStep).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSignatureOverAnotherStaticKeyIsRejected() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    FakePeer responder = new FakePeer(false, listener, x25519());
    responder.signedStaticKey = x25519().publicKey();

    byte[] m2 = responder.reply(initiator.writeMessage());

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void aRemoteThatIsNotThePeerWeDialledIsRejected() throws Exception {
    Ed25519KeyPair someoneElse = Ed25519KeyPair.generate();
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), someoneElse.peerId());
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());

    responder.readMessage(initiator.writeMessage());
    byte[] m2 = responder.writeMessage();

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("dialled " + someoneElse.peerId())
        .hasMessageContaining("authenticated as " + listener.peerId());
  }

  @Test
  void aTamperedHandshakeCiphertextFailsAuthentication() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());
    responder.readMessage(initiator.writeMessage());
    byte[] m2 = responder.writeMessage();
    m2[m2.length - 1] ^= 0x01; // the payload's tag

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("ChaCha20-Poly1305 authentication failed");
  }

  @Test
  void aTruncatedHandshakeMessageIsRejected() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    NoiseXxHandshake responder = NoiseXxHandshake.responder(listener, x25519());
    responder.readMessage(initiator.writeMessage());
    byte[] m2 = responder.writeMessage();

    assertThatThrownBy(() -> initiator.readMessage(Arrays.copyOf(m2, 40)))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("truncated Noise handshake message");
  }

  @Test
  void aGarbagePayloadIsAHandshakeError() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    FakePeer responder = new FakePeer(false, listener, x25519());
    responder.rawPayload = new byte[] {0x0a, 0x7f, 0x01};

    byte[] m2 = responder.reply(initiator.writeMessage());

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("malformed NoiseHandshakePayload");
  }

  @Test
  void recordsTheMuxersARemoteAdvertisesButSendsNone() throws Exception {
    NoiseXxHandshake initiator = NoiseXxHandshake.initiator(dialer, x25519(), null);
    FakePeer responder = new FakePeer(false, listener, x25519());
    responder.extensions = new NoiseExtensions(List.of(), List.of("/yamux/1.0.0"));

    initiator.readMessage(responder.reply(initiator.writeMessage()));
    byte[] m3 = initiator.writeMessage();
    NoiseHandshakePayload ours = NoiseHandshakePayload.decode(responder.read(m3));

    assertThat(initiator.session().remoteStreamMuxers()).containsExactly("/yamux/1.0.0");
    assertThat(ours.extensions()).isEqualTo(NoiseExtensions.NONE);
    assertThat(ours.encode())
        .isEqualTo(
            new NoiseHandshakePayload(
                    ours.identityKey(), ours.identitySignature(), NoiseExtensions.NONE)
                .encode());
  }

  private static void run(NoiseXxHandshake initiator, NoiseXxHandshake responder)
      throws NoiseException {
    responder.readMessage(initiator.writeMessage());
    initiator.readMessage(responder.writeMessage());
    responder.readMessage(initiator.writeMessage());
  }

  private static X25519KeyPair x25519() {
    return X25519KeyPair.generate(RANDOM);
  }

  /**
   * A peer built on the bare {@link HandshakeState}, so that tests can make it misbehave: tamper
   * with its signature, sign another key, or send arbitrary payload bytes or extensions.
   */
  private static final class FakePeer {
    interface Tamper {
      void apply(byte[] signature);
    }

    private final HandshakeState noise;
    private final Ed25519KeyPair identity;
    private final X25519KeyPair staticKey;
    Tamper signatureTamper = sig -> {};
    byte[] signedStaticKey;
    byte[] rawPayload;
    NoiseExtensions extensions = NoiseExtensions.NONE;

    FakePeer(boolean initiator, Ed25519KeyPair identity, X25519KeyPair staticKey) {
      this.noise = new HandshakeState(initiator, new byte[0], staticKey, null, RANDOM);
      this.identity = identity;
      this.staticKey = staticKey;
    }

    byte[] first() throws NoiseException {
      return noise.writeMessage(new byte[0]);
    }

    byte[] read(byte[] message) throws NoiseException {
      return noise.readMessage(message);
    }

    byte[] reply(byte[] message) throws NoiseException {
      noise.readMessage(message);
      return noise.writeMessage(payload());
    }

    private byte[] payload() {
      if (rawPayload != null) {
        return rawPayload;
      }
      byte[] signedKey = signedStaticKey != null ? signedStaticKey : staticKey.publicKey();
      byte[] signature = identity.sign(NoiseHandshakePayload.signedData(signedKey));
      signatureTamper.apply(signature);
      return new NoiseHandshakePayload(identity.publicKey().marshal(), signature, extensions)
          .encode();
    }
  }
}
