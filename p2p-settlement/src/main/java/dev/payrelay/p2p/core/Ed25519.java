package dev.payrelay.p2p.core;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The JDK's Ed25519 (RFC 8032), reduced to raw 32-byte keys and 64-byte signatures, the forms the
 * peer-ids spec puts on the wire ("We do not do any special additional encoding for Ed25519 public
 * keys").
 */
final class Ed25519 {
  static final int PUBLIC_KEY_BYTES = 32;
  static final int SEED_BYTES = 32;
  static final int SIGNATURE_BYTES = 64;

  private static final String ALGORITHM = "Ed25519";

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410, section 4): the raw key follows. */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519() {}

  static java.security.PrivateKey privateKeyFromSeed(byte[] seed) {
    requireLength(seed, SEED_BYTES, "Ed25519 seed");
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK rejected an Ed25519 seed", e);
    }
  }

  /**
   * Derives the raw public key of {@code seed}. JDK 17 has no public API for this, so the JDK's own
   * generator is handed a "random" source that yields exactly the seed; the result is checked.
   */
  static byte[] publicKeyFromSeed(byte[] seed) {
    requireLength(seed, SEED_BYTES, "Ed25519 seed");
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] used = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(used, seed)) {
        throw new IllegalStateException("the JDK's Ed25519 generator did not use the given seed");
      }
      return rawPublicKey(pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot derive an Ed25519 public key", e);
    }
  }

  /** Generates a fresh seed and its public key. */
  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  static byte[] seedOf(java.security.PrivateKey key) {
    return ((EdECPrivateKey) key).getBytes().orElseThrow();
  }

  /** The raw 32 bytes at the end of the JDK's X.509 encoding. */
  static byte[] rawPublicKey(java.security.PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != X509_PREFIX.length + PUBLIC_KEY_BYTES
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalStateException("unexpected Ed25519 public key encoding from the JDK");
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  static byte[] sign(java.security.PrivateKey key, byte[] message) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** False for a wrong signature, and for key or signature bytes that are not valid at all. */
  static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
    if (rawPublicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_BYTES);
      System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, PUBLIC_KEY_BYTES);
      java.security.PublicKey key =
          KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  static void requireLength(byte[] bytes, int expected, String what) {
    if (bytes.length != expected) {
      throw new KeyFormatException(what + " must be " + expected + " bytes, not " + bytes.length);
    }
  }

  /** A "random" source that returns one fixed seed: see {@link #publicKeyFromSeed}. */
  private static final class SeedSource extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedSource(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("expected a request for " + seed.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }
}
