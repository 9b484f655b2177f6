package dev.payrelay.p2p.security.noise;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 8439's AEAD example (§2.8.2), which several tests use, and the JDK's {@code
 * ChaCha20-Poly1305}, against which they compare.
 */
final class Rfc8439 {

  private static final HexFormat HEX = HexFormat.of();

  /** The plaintext of §2.4.2 and §2.8.2. */
  static final byte[] SUNSCREEN =
      ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
              + " future, sunscreen would be it.")
          .getBytes(StandardCharsets.US_ASCII);

  /** §2.8.2's key. */
  static final byte[] AEAD_KEY =
      HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");

  /** §2.8.2's nonce: the 32-bit constant 7, then the 64-bit IV. */
  static final byte[] AEAD_NONCE = HEX.parseHex("070000004041424344454647");

  /** §2.8.2's associated data. */
  static final byte[] AEAD_AD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");

  /** §2.8.2's ciphertext, then its tag, in hex. */
  static final String AEAD_SEALED =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
          + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
          + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
          + "3ff4def08e4b7a9de576d26586cec64b6116"
          + "1ae10b594f09e26a7e902ecbd0600691"; // the tag

  private Rfc8439() {}

  /**
   * The JDK's {@code ChaCha20-Poly1305} in one call: {@code mode} is Cipher's ENCRYPT or DECRYPT.
   */
  static byte[] jdk(int mode, byte[] key, byte[] nonce, byte[] ad, byte[] input) throws Exception {
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    cipher.updateAAD(ad);
    return cipher.doFinal(input);
  }
}
