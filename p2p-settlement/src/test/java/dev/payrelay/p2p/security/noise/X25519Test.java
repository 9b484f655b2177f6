package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The JDK's XDH on raw RFC 7748 byte strings, checked against RFC 7748 §6.1. */
class X25519Test {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ALICE_PRIVATE =
      HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  private static final byte[] ALICE_PUBLIC =
      HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  private static final byte[] BOB_PRIVATE =
      HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  private static final byte[] BOB_PUBLIC =
      HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  private static final byte[] SHARED =
      HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

  @Test
  void derivesTheRfc7748PublicKeysFromRawLittleEndianPrivateKeys() {
    assertThat(X25519KeyPair.fromPrivateKey(ALICE_PRIVATE).publicKey()).isEqualTo(ALICE_PUBLIC);
    assertThat(X25519KeyPair.fromPrivateKey(BOB_PRIVATE).publicKey()).isEqualTo(BOB_PUBLIC);
  }

  @Test
  void agreesOnTheRfc7748SharedSecretBothWays() throws Exception {
    assertThat(X25519.dh(ALICE_PRIVATE, BOB_PUBLIC)).isEqualTo(SHARED);
    assertThat(X25519.dh(BOB_PRIVATE, ALICE_PUBLIC)).isEqualTo(SHARED);
  }

  @Test
  void masksTheMostSignificantBitOfAReceivedPublicKey() throws Exception {
    byte[] highBitSet = BOB_PUBLIC.clone();
    highBitSet[31] |= (byte) 0x80;
    assertThat(X25519.dh(ALICE_PRIVATE, highBitSet)).isEqualTo(SHARED);
  }

  @Test
  void generatedKeyPairsAgree() throws Exception {
    SecureRandom random = new SecureRandom();
    X25519KeyPair a = X25519KeyPair.generate(random);
    X25519KeyPair b = X25519KeyPair.generate(random);
    assertThat(X25519.dh(a.privateKey(), b.publicKey()))
        .isEqualTo(X25519.dh(b.privateKey(), a.publicKey()))
        .hasSize(X25519.KEY_BYTES);
  }

  @Test
  void aSmallOrderPublicKeyIsRejected() {
    assertThatThrownBy(() -> X25519.dh(ALICE_PRIVATE, new byte[32]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("X25519 rejected the remote public key");
  }

  @Test
  void keysOfTheWrongLengthAreRejected() {
    assertThatThrownBy(() -> X25519KeyPair.fromPrivateKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an X25519 private key is 32 bytes, got 31 bytes");
    assertThatThrownBy(() -> X25519.dh(ALICE_PRIVATE, new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an X25519 public key is 32 bytes, got 33 bytes");
    assertThatThrownBy(() -> new X25519KeyPair(ALICE_PRIVATE, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
