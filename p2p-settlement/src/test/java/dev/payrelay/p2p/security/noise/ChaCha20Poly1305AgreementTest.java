package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The JDK's {@code ChaCha20-Poly1305}, which {@link CipherState} uses (it is the faster one on JDK
 * 17; see there), and BouncyCastle's {@link ChaCha20Poly1305} give RFC 8439 §2.8.2's vector and
 * agree with each other and with {@link CipherState}'s transport messages at the sizes that matter.
 */
class ChaCha20Poly1305AgreementTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final int TAG_BITS = 128;

  // RFC 8439 section 2.8.2.
  private static final byte[] KEY =
      HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
  private static final byte[] NONCE = HEX.parseHex("070000004041424344454647");
  private static final byte[] AAD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
  private static final byte[] PLAINTEXT =
      ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
              + " future, sunscreen would be it.")
          .getBytes(StandardCharsets.US_ASCII);
  private static final String SEALED =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
          + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
          + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
          + "3ff4def08e4b7a9de576d26586cec64b6116"
          + "1ae10b594f09e26a7e902ecbd0600691"; // the tag

  @Test
  void bothGiveRfc8439Section282() throws Exception {
    assertThat(HEX.formatHex(jdk(Cipher.ENCRYPT_MODE, KEY, NONCE, AAD, PLAINTEXT)))
        .isEqualTo(SEALED);
    assertThat(HEX.formatHex(bouncyCastle(true, KEY, NONCE, AAD, PLAINTEXT))).isEqualTo(SEALED);
    assertThat(jdk(Cipher.DECRYPT_MODE, KEY, NONCE, AAD, HEX.parseHex(SEALED)))
        .isEqualTo(PLAINTEXT);
    assertThat(bouncyCastle(false, KEY, NONCE, AAD, HEX.parseHex(SEALED))).isEqualTo(PLAINTEXT);
  }

  @Test
  void cipherStateMessagesAreWhatBouncyCastleSealsAndOpensAtBoundarySizes() throws Exception {
    Random random = new Random(8439);
    byte[] key = new byte[CipherState.KEY_BYTES];
    random.nextBytes(key);
    CipherState sender = new CipherState(key);
    int[] sizes = {0, 1, 15, 16, 17, 63, 64, 65, 1000, NoiseFrames.MAX_FRAME_PLAINTEXT_BYTES};
    for (int size : sizes) {
      byte[] nonce = CipherState.nonceBytes(sender.nonce());
      byte[] plaintext = new byte[size];
      random.nextBytes(plaintext);
      byte[] sealed = sender.encrypt(plaintext);
      assertThat(sealed).isEqualTo(bouncyCastle(true, key, nonce, new byte[0], plaintext));
      assertThat(bouncyCastle(false, key, nonce, new byte[0], sealed)).isEqualTo(plaintext);
    }
  }

  private static byte[] jdk(int mode, byte[] key, byte[] nonce, byte[] ad, byte[] input)
      throws Exception {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    cipher.updateAAD(ad);
    return cipher.doFinal(input);
  }

  private static byte[] bouncyCastle(
      boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] input) throws Exception {
    ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    aead.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, ad));
    byte[] out = new byte[aead.getOutputSize(input.length)];
    int written = aead.processBytes(input, 0, input.length, out, 0);
    written += aead.doFinal(out, written);
    assertThat(written).isEqualTo(out.length);
    return out;
  }
}
