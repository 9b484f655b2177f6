package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The JDK's {@code ChaCha20-Poly1305} (which {@link CipherState} uses from Java 20 on; see there)
 * and BouncyCastle's {@link ChaCha20Poly1305} give RFC 8439 §2.8.2's vector and agree with each
 * other and with {@link CipherState}'s transport messages at the sizes that matter, whichever AEAD
 * the CipherState runs on in this JVM ({@link ChaChaPolyAeadTest} checks the own one in depth).
 */
class ChaCha20Poly1305AgreementTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final int TAG_BITS = 128;

  private static final byte[] KEY = Rfc8439.AEAD_KEY;
  private static final byte[] NONCE = Rfc8439.AEAD_NONCE;
  private static final byte[] AAD = Rfc8439.AEAD_AD;
  private static final byte[] PLAINTEXT = Rfc8439.SUNSCREEN;
  private static final String SEALED = Rfc8439.AEAD_SEALED;

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
    return Rfc8439.jdk(mode, key, nonce, ad, input);
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
