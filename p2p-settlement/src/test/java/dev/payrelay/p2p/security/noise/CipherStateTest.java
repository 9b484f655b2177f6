package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Noise CipherState's rules hold on both AEADs it can run on (see {@link CipherState}). */
class CipherStateTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "101112131415161718191a1b1c1d1e1f");

  static Stream<Named<Function<byte[], AeadCipher>>> aeads() {
    return Stream.of(
        Named.of("own ChaChaPolyAead", ChaChaPolyAead::new),
        Named.of("JDK ChaCha20-Poly1305", JdkChaChaPoly::new));
  }

  @Test
  void theJdkCipherIsChosenFromJava20OnAndTheOwnOneBefore() {
    assertThat(CipherState.fasterAead(17).apply(KEY)).isInstanceOf(ChaChaPolyAead.class);
    assertThat(CipherState.fasterAead(19).apply(KEY)).isInstanceOf(ChaChaPolyAead.class);
    assertThat(CipherState.fasterAead(20).apply(KEY)).isInstanceOf(JdkChaChaPoly.class);
    assertThat(CipherState.fasterAead(25).apply(KEY)).isInstanceOf(JdkChaChaPoly.class);
  }

  @Test
  void theNonceIsFourZeroBytesThenTheCounterLittleEndian() {
    assertThat(HEX.formatHex(CipherState.nonceBytes(0))).isEqualTo("000000000000000000000000");
    assertThat(HEX.formatHex(CipherState.nonceBytes(1))).isEqualTo("000000000100000000000000");
    assertThat(HEX.formatHex(CipherState.nonceBytes(0x0102030405060708L)))
        .isEqualTo("000000000807060504030201");
    assertThat(HEX.formatHex(CipherState.nonceBytes(-2L))).isEqualTo("00000000feffffffffffffff");
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void roundTripsAndAdvancesTheCounterOnBothSides(Function<byte[], AeadCipher> aead)
      throws Exception {
    CipherState sender = new CipherState(KEY, aead);
    CipherState receiver = new CipherState(KEY, aead);
    for (int i = 0; i < 5; i++) {
      byte[] plaintext = ("message " + i).getBytes();
      byte[] ciphertext = sender.encrypt(plaintext);
      assertThat(ciphertext).hasSize(plaintext.length + CipherState.TAG_BYTES);
      assertThat(receiver.decrypt(ciphertext)).isEqualTo(plaintext);
    }
    assertThat(sender.nonce()).isEqualTo(5);
    assertThat(receiver.nonce()).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void theSamePlaintextEncryptsDifferentlyUnderSuccessiveNonces(Function<byte[], AeadCipher> aead)
      throws Exception {
    CipherState sender = new CipherState(KEY, aead);
    assertThat(sender.encrypt(new byte[8])).isNotEqualTo(sender.encrypt(new byte[8]));
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void aTamperedCiphertextFailsAuthenticationAndDoesNotAdvanceTheCounter(
      Function<byte[], AeadCipher> aead) throws Exception {
    CipherState sender = new CipherState(KEY, aead);
    CipherState receiver = new CipherState(KEY, aead);
    byte[] ciphertext = sender.encrypt("pay 10 EUR".getBytes());
    byte[] tampered = ciphertext.clone();
    tampered[4] ^= 0x01;

    assertThatThrownBy(() -> receiver.decrypt(tampered))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("authentication failed at nonce 0");
    assertThat(receiver.nonce()).isZero();
    // Noise §5.1 lets the caller retry; the JDK forbids re-initialising with the same nonce,
    // which JdkChaChaPoly works around.
    assertThat(receiver.decrypt(ciphertext)).isEqualTo("pay 10 EUR".getBytes());
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void aCiphertextShorterThanTheTagIsRejected(Function<byte[], AeadCipher> aead) {
    CipherState receiver = new CipherState(KEY, aead);
    assertThatThrownBy(() -> receiver.decrypt(new byte[CipherState.TAG_BYTES - 1]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("at least the 16-byte tag");
  }

  @ParameterizedTest
  @MethodSource("aeads")
  void theLastUsableNonceIsTwoToThe64MinusTwoAndThenTheStateIsExhausted(
      Function<byte[], AeadCipher> aead) throws Exception {
    CipherState sender = new CipherState(KEY, aead);
    CipherState receiver = new CipherState(KEY, aead);
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
