package dev.payrelay.p2p.core;

import java.security.SecureRandom;

/**
 * Ed25519 (RFC 8032) on raw 32-byte seeds and public keys and 64-byte signatures, the forms the
 * peer-ids spec puts on the wire ("We do not do any special additional encoding for Ed25519 public
 * keys").
 *
 * <p>The arithmetic is BouncyCastle's low-level {@code org.bouncycastle.math.ec.rfc8032.Ed25519},
 * not the JDK's {@code Signature}: on JDK 17 the JDK's pure-Java Ed25519 spends about 0.5 ms per
 * signature and as much per verification, which bounded gossipsub (every message is signed once and
 * verified at every hop) to under 2,000 messages/s. BouncyCastle's is about 5× faster on the same
 * machine and needs no key objects. {@code Ed25519AgreementTest} checks both against RFC 8032's
 * test vectors.
 */
final class Ed25519 {
  static final int PUBLIC_KEY_BYTES = org.bouncycastle.math.ec.rfc8032.Ed25519.PUBLIC_KEY_SIZE;
  static final int SEED_BYTES = org.bouncycastle.math.ec.rfc8032.Ed25519.SECRET_KEY_SIZE;
  static final int SIGNATURE_BYTES = org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519() {}

  /** Derives the raw public key of {@code seed}. */
  static byte[] publicKeyFromSeed(byte[] seed) {
    requireLength(seed, SEED_BYTES, "Ed25519 seed");
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    return publicKey;
  }

  /** A fresh seed from a {@link SecureRandom}. */
  static byte[] generateSeed() {
    byte[] seed = new byte[SEED_BYTES];
    RANDOM.nextBytes(seed);
    return seed;
  }

  /**
   * The signature of {@code message} by {@code seed}, whose public key is {@code publicKey} (passed
   * in, so it is not derived again for every signature).
   */
  static byte[] sign(byte[] seed, byte[] publicKey, byte[] message) {
    byte[] signature = new byte[SIGNATURE_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  /** False for a wrong signature, and for key or signature bytes that are not valid at all. */
  static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
    if (rawPublicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
          signature, 0, rawPublicKey, 0, message, 0, message.length);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static void requireLength(byte[] bytes, int expected, String what) {
    if (bytes.length != expected) {
      throw new KeyFormatException(what + " must be " + expected + " bytes, not " + bytes.length);
    }
  }
}
