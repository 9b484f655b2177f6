package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CipherStateTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "101112131415161718191a1b1c1d1e1f");

  @Test
  void theNonceIsFourZeroBytesThenTheCounterLittleEndian() {
    assertThat(HEX.formatHex(CipherState.nonceBytes(0))).isEqualTo("000000000000000000000000");
    assertThat(HEX.formatHex(CipherState.nonceBytes(1))).isEqualTo("000000000100000000000000");
    assertThat(HEX.formatHex(CipherState.nonceBytes(0x0102030405060708L)))
        .isEqualTo("000000000807060504030201");
    assertThat(HEX.formatHex(CipherState.nonceBytes(-2L))).isEqualTo("00000000feffffffffffffff");
  }

  @Test
  void roundTripsAndAdvancesTheCounterOnBothSides() throws Exception {
    CipherState sender = new CipherState(KEY);
    CipherState receiver = new CipherState(KEY);
    for (int i = 0; i < 5; i++) {
      byte[] plaintext = ("message " + i).getBytes();
      byte[] ciphertext = sender.encrypt(plaintext);
      assertThat(ciphertext).hasSize(plaintext.length + CipherState.TAG_BYTES);
      assertThat(receiver.decrypt(ciphertext)).isEqualTo(plaintext);
    }
    assertThat(sender.nonce()).isEqualTo(5);
    assertThat(receiver.nonce()).isEqualTo(5);
  }

  @Test
  void theSamePlaintextEncryptsDifferentlyUnderSuccessiveNonces() throws Exception {
    CipherState sender = new CipherState(KEY);
    assertThat(sender.encrypt(new byte[8])).isNotEqualTo(sender.encrypt(new byte[8]));
  }

  @Test
  void aTamperedCiphertextFailsAuthenticationAndDoesNotAdvanceTheCounter() throws Exception {
    CipherState sender = new CipherState(KEY);
    CipherState receiver = new CipherState(KEY);
    byte[] ciphertext = sender.encrypt("pay 10 EUR".getBytes());
    byte[] tampered = ciphertext.clone();
    tampered[4] ^= 0x01;

    assertThatThrownBy(() -> receiver.decrypt(tampered))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("authentication failed at nonce 0");
    assertThat(receiver.nonce()).isZero();
    // Noise §5.1 lets the caller retry; the JDK forbids re-initialising with the same nonce,
    // which the CipherState works around.
    assertThat(receiver.decrypt(ciphertext)).isEqualTo("pay 10 EUR".getBytes());
  }

  @Test
  void aCiphertextShorterThanTheTagIsRejected() {
    CipherState receiver = new CipherState(KEY);
    assertThatThrownBy(() -> receiver.decrypt(new byte[CipherState.TAG_BYTES - 1]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("at least the 16-byte tag");
  }

  @Test
  void theLastUsableNonceIsTwoToThe64MinusTwoAndThenTheStateIsExhausted() throws Exception {
    CipherState sender = new CipherState(KEY);
    CipherState receiver = new CipherState(KEY);
    sender.setNonce(-2L); // 2^64 - 2
    receiver.setNonce(-2L);

    assertThat(receiver.decrypt(sender.encrypt(new byte[3]))).hasSize(3);

    assertThat(sender.nonce()).isEqualTo(CipherState.RESERVED_NONCE);
    assertThatThrownBy(() -> sender.encrypt(new byte[3]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("nonce is exhausted");
    assertThatThrownBy(() -> receiver.decrypt(new byte[32]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("nonce is exhausted");
  }

  @Test
  void aKeyOfTheWrongLengthIsRejected() {
    assertThatThrownBy(() -> new CipherState(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 31");
  }
}
