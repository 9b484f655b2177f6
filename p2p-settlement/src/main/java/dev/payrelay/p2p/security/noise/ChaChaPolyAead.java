package dev.payrelay.p2p.security.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AEAD_CHACHA20_POLY1305 construction of RFC 8439 §2.8, assembled from the fastest primitive of
 * each kind on JDK 17: the JDK's {@code ChaCha20} stream cipher and BouncyCastle's {@link
 * Poly1305}. JDK 17's own {@code ChaCha20-Poly1305} cipher authenticates with a generic big-field
 * Poly1305 that is several times slower than its ChaCha20; the whole AEAD ran at about 50 MiB/s per
 * core on our 2-core machine and bounded the bulk throughput of a Noise stream. One instance per
 * direction; not thread-safe.
 *
 * <p>Per message, with nonce {@code N}: ChaCha20 block 0 under {@code (k, N)} gives the one-time
 * Poly1305 key (its first 32 bytes); blocks from 1 on encrypt; the tag is Poly1305 over {@code ad ‖
 * pad16 ‖ ciphertext ‖ pad16 ‖ le64(|ad|) ‖ le64(|ciphertext|)}. Decryption checks the tag (in
 * constant time) before it decrypts anything. {@code ChaChaPolyAeadTest} checks RFC 8439 §2.8.2's
 * vector and agreement with the JDK's AEAD.
 */
final class ChaChaPolyAead {

  static final int KEY_BYTES = 32;
  static final int TAG_BYTES = 16;

  /** One ChaCha20 block, the first of which becomes the Poly1305 key. */
  private static final int BLOCK_BYTES = 64;

  private static final int POLY_KEY_BYTES = 32;
  private static final int PAD_BYTES = 16;

  private final SecretKeySpec key;
  private final Poly1305 mac = new Poly1305();
  private final byte[] block = new byte[BLOCK_BYTES];
  private final byte[] zeros = new byte[BLOCK_BYTES];
  private final byte[] lengths = new byte[PAD_BYTES];
  private final byte[] tag = new byte[TAG_BYTES];
  private Cipher chacha;
  private byte[] lastNonce;

  ChaChaPolyAead(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a ChaChaPoly key is " + KEY_BYTES + " bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "ChaCha20");
    this.chacha = newChaCha20();
  }

  /**
   * Encrypts {@code in[inOffset, +length)} into {@code out} at {@code outOffset}: {@code length}
   * bytes of ciphertext, then the 16-byte tag.
   */
  void encrypt(
      byte[] nonce, byte[] ad, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    start(nonce, ad);
    try {
      int written = chacha.update(in, inOffset, length, out, outOffset);
      if (written != length) {
        throw new IllegalStateException("ChaCha20 wrote " + written + " of " + length + " bytes");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 encryption failed", e);
    }
    authenticate(ad.length, out, outOffset, length);
    mac.doFinal(out, outOffset + length);
  }

  /**
   * Checks the tag at the end of {@code in[inOffset, +length)} and decrypts the rest into {@code
   * out} at {@code outOffset}; returns false, writing nothing, if the tag is wrong.
   */
  boolean decrypt(
      byte[] nonce, byte[] ad, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    int ciphertextLength = length - TAG_BYTES;
    start(nonce, ad);
    authenticate(ad.length, in, inOffset, ciphertextLength);
    mac.doFinal(tag, 0);
    byte[] received = new byte[TAG_BYTES];
    System.arraycopy(in, inOffset + ciphertextLength, received, 0, TAG_BYTES);
    if (!MessageDigest.isEqual(tag, received)) {
      return false;
    }
    try {
      chacha.update(in, inOffset, ciphertextLength, out, outOffset);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 decryption failed", e);
    }
    return true;
  }

  /** Keys ChaCha20 for {@code nonce}, takes block 0 as the Poly1305 key and MACs {@code ad}. */
  private void start(byte[] nonce, byte[] ad) {
    if (lastNonce != null && MessageDigest.isEqual(lastNonce, nonce)) {
      chacha = newChaCha20(); // the JDK refuses to re-initialise one Cipher with the same nonce
    }
    try {
      chacha.init(Cipher.ENCRYPT_MODE, key, new ChaCha20ParameterSpec(nonce, 0));
      lastNonce = nonce.clone();
      chacha.update(zeros, 0, BLOCK_BYTES, block, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20 initialisation failed", e);
    }
    mac.init(new KeyParameter(block, 0, POLY_KEY_BYTES));
    mac.update(ad, 0, ad.length);
    pad(ad.length);
  }

  private void authenticate(int adLength, byte[] ciphertext, int offset, int length) {
    mac.update(ciphertext, offset, length);
    pad(length);
    littleEndian(adLength, 0);
    littleEndian(length, Long.BYTES);
    mac.update(lengths, 0, lengths.length);
  }

  private void pad(int length) {
    int rest = length % PAD_BYTES;
    if (rest != 0) {
      mac.update(zeros, 0, PAD_BYTES - rest);
    }
  }

  private void littleEndian(long value, int offset) {
    for (int i = 0; i < Long.BYTES; i++) {
      lengths[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  private static Cipher newChaCha20() {
    try {
      return Cipher.getInstance("ChaCha20");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no ChaCha20", e);
    }
  }
}
