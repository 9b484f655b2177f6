package dev.payrelay.p2p.security.noise;

import javax.crypto.AEADBadTagException;

/**
 * The two ChaChaPoly implementations that {@link CipherState} chooses between, opened to the
 * benchmarks (the {@code bench} module uses this test-jar) so that they can be measured side by
 * side while staying package-private in the product. Transport messages only: empty associated
 * data, the Noise counter as the nonce.
 */
public final class NoiseAeads {

  /** One implementation under one key. Not thread-safe. */
  public static final class Aead {
    private static final byte[] NO_AD = new byte[0];
    private final AeadCipher cipher;

    private Aead(AeadCipher cipher) {
      this.cipher = cipher;
    }

    /**
     * Seals {@code in[0, len)} into {@code out} (at least {@code len + 16} bytes) under {@code n}.
     */
    public void seal(long n, byte[] in, int len, byte[] out) {
      cipher.seal(n, NO_AD, in, 0, len, out, 0);
    }

    /** Opens {@code in[0, len)} (tag included) into {@code out}; throws on a wrong tag. */
    public void open(long n, byte[] in, int len, byte[] out) throws AEADBadTagException {
      cipher.open(n, NO_AD, in, 0, len, out, 0);
    }
  }

  private NoiseAeads() {}

  /** The JDK's {@code ChaCha20-Poly1305} as {@link CipherState} drives it. */
  public static Aead jdk(byte[] key) {
    return new Aead(new JdkChaChaPoly(key));
  }

  /** This package's own ChaCha20-Poly1305 ({@link ChaChaPolyAead}). */
  public static Aead pureJava(byte[] key) {
    return new Aead(new ChaChaPolyAead(key));
  }

  /** The one {@link CipherState} uses on Java feature release {@code feature}: "jdk" or "own". */
  public static String chosenFor(int feature) {
    return CipherState.fasterAead(feature).apply(new byte[CipherState.KEY_BYTES])
            instanceof JdkChaChaPoly
        ? "jdk"
        : "own";
  }
}
