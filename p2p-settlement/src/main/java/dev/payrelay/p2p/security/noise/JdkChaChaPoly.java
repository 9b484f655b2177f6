package dev.payrelay.p2p.security.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaChaPoly through the JDK's {@code ChaCha20-Poly1305} {@link Cipher}: the faster choice from JDK
 * 20 on, where C2 has ChaCha20 and Poly1305 intrinsics (see {@link CipherState}).
 *
 * <p>The JDK refuses to initialise a {@link Cipher} twice in a row with the same key and nonce.
 * That never happens while the counter increases; the one case where it could (retrying a
 * decryption that failed, which Noise allows) gets a fresh {@code Cipher}.
 */
final class JdkChaChaPoly implements AeadCipher {

  private final SecretKeySpec key;
  private Cipher cipher;
  private boolean initialised;
  private long lastInitialisedNonce;

  JdkChaChaPoly(byte[] key) {
    if (key.length != CipherState.KEY_BYTES) {
      throw new IllegalArgumentException(
          "a ChaChaPoly key is " + CipherState.KEY_BYTES + " bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key, "ChaCha20");
    this.cipher = newCipher();
  }

  @Override
  public void seal(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) {
    initialise(Cipher.ENCRYPT_MODE, n, ad);
    try {
      cipher.doFinal(in, off, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
    }
  }

  @Override
  public void open(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    initialise(Cipher.DECRYPT_MODE, n, ad);
    try {
      cipher.doFinal(in, off, len, out, outOff);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 decryption failed", e);
    }
  }

  private void initialise(int mode, long n, byte[] ad) {
    if (initialised && n == lastInitialisedNonce) {
      cipher = newCipher(); // a retry after a failed decryption: the JDK forbids re-using the nonce
    }
    try {
      cipher.init(mode, key, new IvParameterSpec(CipherState.nonceBytes(n)));
      initialised = true;
      lastInitialisedNonce = n;
      cipher.updateAAD(ad);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 refused the key or nonce", e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no ChaCha20-Poly1305", e);
    }
  }
}
