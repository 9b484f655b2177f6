package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link ChaChaPolyAead} (the JDK's ChaCha20 with BouncyCastle's Poly1305) against RFC 8439
 * §2.8.2's vector and against the JDK's own {@code ChaCha20-Poly1305}, at the sizes that matter
 * (empty, partial 16-byte blocks, a full Noise frame).
 */
class ChaChaPolyAeadTest {

  private static final HexFormat HEX = HexFormat.of();

  // RFC 8439 section 2.8.2.
  private static final byte[] KEY =
      HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  private static final byte[] NONCE = HEX.parseHex("070000004041424344454647");
  private static final byte[] AAD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
  private static final byte[] PLAINTEXT =
      ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
              + " future, sunscreen would be it.")
          .getBytes(StandardCharsets.US_ASCII);
  private static final String CIPHERTEXT =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
          + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
          + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
          + "3ff4def08e4b7a9de576d26586cec64b6116";
  private static final String TAG = "1ae10b594f09e26a7e902ecbd0600691";

  @Test
  void matchesRfc8439Section282() {
    byte[] out = new byte[PLAINTEXT.length + ChaChaPolyAead.TAG_BYTES];
    new ChaChaPolyAead(KEY).encrypt(NONCE, AAD, PLAINTEXT, 0, PLAINTEXT.length, out, 0);
    assertThat(HEX.formatHex(out)).isEqualTo(CIPHERTEXT + TAG);

    byte[] back = new byte[PLAINTEXT.length];
    assertThat(new ChaChaPolyAead(KEY).decrypt(NONCE, AAD, out, 0, out.length, back, 0)).isTrue();
    assertThat(back).isEqualTo(PLAINTEXT);
  }

  @Test
  void theJdksAeadGivesTheSameRfc8439Vector() throws Exception {
    assertThat(HEX.formatHex(jdk(Cipher.ENCRYPT_MODE, KEY, NONCE, AAD, PLAINTEXT)))
        .isEqualTo(CIPHERTEXT + TAG);
  }

  @Test
  void agreesWithTheJdksAeadBothWaysAtBoundarySizes() throws Exception {
    Random random = new Random(8439);
    byte[] key = new byte[ChaChaPolyAead.KEY_BYTES];
    random.nextBytes(key);
    ChaChaPolyAead ours = new ChaChaPolyAead(key);
    int[] sizes = {0, 1, 15, 16, 17, 63, 64, 65, 1000, NoiseFrames.MAX_FRAME_PLAINTEXT_BYTES};
    long counter = 0;
    for (int size : sizes) {
      byte[] nonce = CipherState.nonceBytes(counter++);
      byte[] ad = new byte[size % 33];
      random.nextBytes(ad);
      byte[] plaintext = new byte[size];
      random.nextBytes(plaintext);

      byte[] sealed = new byte[size + ChaChaPolyAead.TAG_BYTES];
      ours.encrypt(nonce, ad, plaintext, 0, size, sealed, 0);
      assertThat(sealed).isEqualTo(jdk(Cipher.ENCRYPT_MODE, key, nonce, ad, plaintext));

      byte[] opened = new byte[size];
      assertThat(ours.decrypt(nonce, ad, sealed, 0, sealed.length, opened, 0)).isTrue();
      assertThat(opened).isEqualTo(plaintext);
      assertThat(jdk(Cipher.DECRYPT_MODE, key, nonce, ad, sealed)).isEqualTo(plaintext);
    }
  }

  @Test
  void aWrongTagOrWrongAdIsRejectedAndNothingIsWritten() {
    byte[] sealed = new byte[PLAINTEXT.length + ChaChaPolyAead.TAG_BYTES];
    ChaChaPolyAead aead = new ChaChaPolyAead(KEY);
    aead.encrypt(NONCE, AAD, PLAINTEXT, 0, PLAINTEXT.length, sealed, 0);
    byte[] out = new byte[PLAINTEXT.length];

    byte[] badTag = sealed.clone();
    badTag[badTag.length - 1] ^= 1;
    assertThat(aead.decrypt(NONCE, AAD, badTag, 0, badTag.length, out, 0)).isFalse();
    assertThat(aead.decrypt(NONCE, new byte[0], sealed, 0, sealed.length, out, 0)).isFalse();
    assertThat(out).containsOnly(0);
    // The same nonce again, after the failures: the JDK's ChaCha20 needs a fresh Cipher for that.
    assertThat(aead.decrypt(NONCE, AAD, sealed, 0, sealed.length, out, 0)).isTrue();
    assertThat(out).isEqualTo(PLAINTEXT);
  }

  private static byte[] jdk(int mode, byte[] key, byte[] nonce, byte[] ad, byte[] input)
      throws Exception {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    cipher.updateAAD(ad);
    return cipher.doFinal(input);
  }
}
