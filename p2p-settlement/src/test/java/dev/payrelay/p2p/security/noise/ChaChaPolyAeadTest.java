package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/**
 * {@link ChaChaPolyAead} gives RFC 8439 §2.8.2, agrees with the JDK's {@code ChaCha20-Poly1305} at
 * every length up to 300 bytes and at the sizes where blocks, the scalar and SIMD paths of {@link
 * ChaCha20} (2,048 bytes), its lanes (16 KiB, plus 32 blocks) and Noise frames end, and writes no
 * plaintext for a message with any single bit changed.
 */
class ChaChaPolyAeadTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final int[] BOUNDARY_SIZES = {
    63, 64, 65, 127, 128, 129, 1_984, 2_047, 2_048, 2_049, 16_383, 16_384, 16_385, 16_448, 18_431,
    18_432, 65_519, 65_535
  };
  private static final byte SENTINEL = (byte) 0xa5;

  @Test
  void sealsAndOpensRfc8439Section282() throws Exception {
    ChaChaPolyAead aead = new ChaChaPolyAead(Rfc8439.AEAD_KEY);
    byte[] plaintext = Rfc8439.SUNSCREEN;
    byte[] sealed = new byte[plaintext.length + ChaChaPolyAead.TAG_BYTES];
    aead.seal(Rfc8439.AEAD_NONCE, Rfc8439.AEAD_AD, plaintext, 0, plaintext.length, sealed, 0);
    assertThat(HEX.formatHex(sealed)).isEqualTo(Rfc8439.AEAD_SEALED);
    byte[] opened = new byte[plaintext.length];
    aead.open(Rfc8439.AEAD_NONCE, Rfc8439.AEAD_AD, sealed, 0, sealed.length, opened, 0);
    assertThat(opened).isEqualTo(plaintext);
  }

  @Test
  void agreesWithTheJdkAtEveryLengthUpTo300AndAtBoundarySizes() throws Exception {
    Random random = new Random(8439);
    int[] sizes =
        IntStream.concat(IntStream.rangeClosed(0, 300), Arrays.stream(BOUNDARY_SIZES)).toArray();
    for (int size : sizes) {
      byte[] key = bytes(random, ChaChaPolyAead.KEY_BYTES);
      byte[] nonce = bytes(random, ChaChaPolyAead.NONCE_BYTES);
      byte[] ad = bytes(random, random.nextInt(40));
      byte[] plaintext = bytes(random, size);
      int inOff = 1 + random.nextInt(15);
      int outOff = 1 + random.nextInt(15);
      byte[] in = new byte[inOff + size + 3];
      System.arraycopy(plaintext, 0, in, inOff, size);
      ChaChaPolyAead aead = new ChaChaPolyAead(key);

      byte[] out = new byte[outOff + size + ChaChaPolyAead.TAG_BYTES + 3];
      aead.seal(nonce, ad, in, inOff, size, out, outOff);
      byte[] jdkSealed = jdk(Cipher.ENCRYPT_MODE, key, nonce, ad, plaintext);
      assertThat(Arrays.copyOfRange(out, outOff, outOff + jdkSealed.length))
          .as("sealed, %d bytes", size)
          .isEqualTo(jdkSealed);

      byte[] sealedAtOffset = new byte[inOff + jdkSealed.length];
      System.arraycopy(jdkSealed, 0, sealedAtOffset, inOff, jdkSealed.length);
      byte[] opened = new byte[outOff + size];
      aead.open(nonce, ad, sealedAtOffset, inOff, jdkSealed.length, opened, outOff);
      assertThat(Arrays.copyOfRange(opened, outOff, outOff + size))
          .as("opened, %d bytes", size)
          .isEqualTo(plaintext);
    }
  }

  @Test
  void theNoiseCounterIsTheNonceOfFourZeroBytesAndTheCounterLittleEndian() throws Exception {
    Random random = new Random(7);
    byte[] key = bytes(random, ChaChaPolyAead.KEY_BYTES);
    byte[] plaintext = bytes(random, 1000);
    ChaChaPolyAead aead = new ChaChaPolyAead(key);
    for (long n : new long[] {0, 1, 0x0102030405060708L, -2L}) {
      byte[] sealed = new byte[plaintext.length + ChaChaPolyAead.TAG_BYTES];
      aead.seal(n, new byte[0], plaintext, 0, plaintext.length, sealed, 0);
      assertThat(sealed)
          .isEqualTo(
              jdk(Cipher.ENCRYPT_MODE, key, CipherState.nonceBytes(n), new byte[0], plaintext));
    }
  }

  @Test
  void sealsAndOpensInPlace() throws Exception {
    Random random = new Random(11);
    byte[] key = bytes(random, ChaChaPolyAead.KEY_BYTES);
    byte[] nonce = bytes(random, ChaChaPolyAead.NONCE_BYTES);
    byte[] plaintext = bytes(random, 20_000);
    byte[] buffer = new byte[5 + plaintext.length + ChaChaPolyAead.TAG_BYTES];
    System.arraycopy(plaintext, 0, buffer, 5, plaintext.length);
    ChaChaPolyAead aead = new ChaChaPolyAead(key);

    aead.seal(nonce, new byte[0], buffer, 5, plaintext.length, buffer, 5);
    assertThat(Arrays.copyOfRange(buffer, 5, buffer.length))
        .isEqualTo(jdk(Cipher.ENCRYPT_MODE, key, nonce, new byte[0], plaintext));
    aead.open(nonce, new byte[0], buffer, 5, buffer.length - 5, buffer, 5);
    assertThat(Arrays.copyOfRange(buffer, 5, 5 + plaintext.length)).isEqualTo(plaintext);
  }

  @Test
  void everySingleBitFlipOfCiphertextTagOrAdFailsAndWritesNoPlaintext() throws Exception {
    Random random = new Random(99);
    byte[] key = bytes(random, ChaChaPolyAead.KEY_BYTES);
    byte[] nonce = bytes(random, ChaChaPolyAead.NONCE_BYTES);
    byte[] ad = bytes(random, 13);
    byte[] plaintext = bytes(random, 70);
    ChaChaPolyAead aead = new ChaChaPolyAead(key);
    byte[] sealed = new byte[plaintext.length + ChaChaPolyAead.TAG_BYTES];
    aead.seal(nonce, ad, plaintext, 0, plaintext.length, sealed, 0);

    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] forged = sealed.clone();
      forged[bit / 8] ^= (byte) (1 << (bit % 8));
      assertRejectedWithoutOutput(aead, nonce, ad, forged);
    }
    for (int bit = 0; bit < ad.length * 8; bit++) {
      byte[] otherAd = ad.clone();
      otherAd[bit / 8] ^= (byte) (1 << (bit % 8));
      assertRejectedWithoutOutput(aead, nonce, otherAd, sealed);
    }
    byte[] opened = new byte[plaintext.length];
    aead.open(nonce, ad, sealed, 0, sealed.length, opened, 0);
    assertThat(opened).isEqualTo(plaintext);
  }

  @Test
  void aCiphertextShorterThanTheTagIsRejected() {
    ChaChaPolyAead aead = new ChaChaPolyAead(new byte[ChaChaPolyAead.KEY_BYTES]);
    assertThatThrownBy(
            () ->
                aead.open(
                    new byte[ChaChaPolyAead.NONCE_BYTES],
                    new byte[0],
                    new byte[15],
                    0,
                    15,
                    new byte[0],
                    0))
        .isInstanceOf(AEADBadTagException.class)
        .hasMessageContaining("at least the 16-byte tag");
  }

  @Test
  void aNonceOfTheWrongLengthIsRejected() {
    ChaChaPolyAead aead = new ChaChaPolyAead(new byte[ChaChaPolyAead.KEY_BYTES]);
    assertThatThrownBy(
            () -> aead.seal(new byte[8], new byte[0], new byte[1], 0, 1, new byte[17], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 bytes, got 8");
  }

  private static void assertRejectedWithoutOutput(
      ChaChaPolyAead aead, byte[] nonce, byte[] ad, byte[] forged) {
    byte[] out = new byte[forged.length - ChaChaPolyAead.TAG_BYTES];
    Arrays.fill(out, SENTINEL);
    assertThatThrownBy(() -> aead.open(nonce, ad, forged, 0, forged.length, out, 0))
        .isInstanceOf(AEADBadTagException.class);
    byte[] untouched = new byte[out.length];
    Arrays.fill(untouched, SENTINEL);
    assertThat(out).isEqualTo(untouched);
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] jdk(int mode, byte[] key, byte[] nonce, byte[] ad, byte[] input)
      throws Exception {
    return Rfc8439.jdk(mode, key, nonce, ad, input);
  }
}
