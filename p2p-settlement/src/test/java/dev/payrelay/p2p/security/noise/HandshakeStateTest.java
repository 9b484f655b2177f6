package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeStateTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HandshakeState initiator = state(true);
  private final HandshakeState responder = state(false);

  @Test
  void theProtocolNameIsExactlyOneHashLongSoItIsTheInitialHashUnhashed() {
    assertThat(HandshakeState.PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII))
        .hasSize(SymmetricState.HASH_BYTES)
        .isEqualTo(new SymmetricState(HandshakeState.PROTOCOL_NAME).handshakeHash());
  }

  @Test
  void messageSizesFollowThePattern() throws Exception {
    byte[] m1 = initiator.writeMessage(new byte[0]);
    responder.readMessage(m1);
    byte[] m2 = responder.writeMessage(new byte[0]);
    initiator.readMessage(m2);
    byte[] m3 = initiator.writeMessage(new byte[0]);
    responder.readMessage(m3);

    assertThat(m1).hasSize(32); // e
    assertThat(m2).hasSize(32 + 48 + 16); // e, encrypted s, empty payload's tag
    assertThat(m3).hasSize(48 + 16); // encrypted s, tag
    assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
  }

  @Test
  void aTruncatedMessageIsAHandshakeError() throws Exception {
    responder.readMessage(initiator.writeMessage(new byte[0]));
    byte[] m2 = responder.writeMessage(new byte[0]);

    assertThatThrownBy(() -> initiator.readMessage(Arrays.copyOf(m2, 70)))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("truncated Noise handshake message: the remote static key");
    assertThatThrownBy(() -> state(false).readMessage(new byte[31]))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("the remote ephemeral key needs 32 bytes, the message has 31");
  }

  @Test
  void aMessageCutInsideThePayloadTagIsAHandshakeError() throws Exception {
    responder.readMessage(initiator.writeMessage(new byte[0]));
    byte[] m2 = responder.writeMessage(new byte[0]);

    assertThatThrownBy(() -> initiator.readMessage(Arrays.copyOf(m2, m2.length - 1)))
        .isInstanceOf(NoiseHandshakeException.class)
        .hasMessageContaining("the payload's authentication tag");
  }

  @Test
  void aTamperedCiphertextFailsAuthenticationAndKillsTheHandshake() throws Exception {
    responder.readMessage(initiator.writeMessage(new byte[0]));
    byte[] m2 = responder.writeMessage("hello".getBytes());
    m2[40] ^= 0x01; // inside the encrypted static key

    assertThatThrownBy(() -> initiator.readMessage(m2))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("authentication failed");
    assertThatThrownBy(() -> initiator.writeMessage(new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed earlier");
  }

  @Test
  void writingOutOfTurnIsAProgrammingError() {
    assertThatThrownBy(() -> responder.writeMessage(new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("message 1 is for the remote peer to write");
    assertThatThrownBy(() -> initiator.readMessage(new byte[32]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMessageOverTheNoiseLimitIsRejected() throws Exception {
    responder.readMessage(initiator.writeMessage(new byte[0]));

    assertThatThrownBy(() -> responder.writeMessage(new byte[HandshakeState.MAX_MESSAGE_BYTES]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("at most 65535 bytes");
    assertThatThrownBy(() -> state(false).readMessage(new byte[65_536]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("at most 65535 bytes");
  }

  @Test
  void transportCiphersExistOnlyOnceComplete() throws Exception {
    assertThatThrownBy(initiator::transportCiphers).isInstanceOf(IllegalStateException.class);
    responder.readMessage(initiator.writeMessage(new byte[0]));
    initiator.readMessage(responder.writeMessage(new byte[0]));
    responder.readMessage(initiator.writeMessage(new byte[0]));

    CipherState[] i = initiator.transportCiphers();
    CipherState[] r = responder.transportCiphers();
    assertThat(r[0].decrypt(i[0].encrypt("to responder".getBytes())))
        .isEqualTo("to responder".getBytes());
    assertThat(i[1].decrypt(r[1].encrypt("to initiator".getBytes())))
        .isEqualTo("to initiator".getBytes());
    assertThatThrownBy(() -> initiator.writeMessage(new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already complete");
  }

  private static HandshakeState state(boolean initiator) {
    return new HandshakeState(initiator, new byte[0], X25519KeyPair.generate(RANDOM), null, RANDOM);
  }
}
