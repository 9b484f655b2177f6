package dev.payrelay.p2p.security.noise;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import java.security.SecureRandom;

/**
 * A Noise XX initiator that signs the wrong static key in its message 3: the identity signature is
 * valid Ed25519 but over another X25519 key, as a man in the middle would have to present it. For
 * the bad-input tests of the transport (which live outside this package).
 */
public final class ForgedNoiseInitiator {

  private final HandshakeState noise;
  private final Ed25519KeyPair identity;

  public ForgedNoiseInitiator(Ed25519KeyPair identity) {
    SecureRandom random = new SecureRandom();
    this.identity = identity;
    this.noise =
        new HandshakeState(true, new byte[0], X25519KeyPair.generate(random), null, random);
  }

  /** Message 1 (the ephemeral key), unframed. */
  public byte[] message1() throws NoiseException {
    return noise.writeMessage(new byte[0]);
  }

  /** Reads the responder's message 2 (its payload is not checked). */
  public void readMessage2(byte[] message) throws NoiseException {
    noise.readMessage(message);
  }

  /** Message 3 whose payload signs a random static key instead of ours. */
  public byte[] message3WithWrongSignature() throws NoiseException {
    byte[] otherStaticKey = X25519KeyPair.generate(new SecureRandom()).publicKey();
    NoiseHandshakePayload payload =
        new NoiseHandshakePayload(
            identity.publicKey().marshal(),
            identity.sign(NoiseHandshakePayload.signedData(otherStaticKey)),
            NoiseExtensions.NONE);
    return noise.writeMessage(payload.encode());
  }
}
