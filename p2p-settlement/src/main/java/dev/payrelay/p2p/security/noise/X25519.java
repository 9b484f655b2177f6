package dev.payrelay.p2p.security.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The Noise {@code 25519} DH functions (Noise §12.1) on raw 32-byte keys, over the JDK's {@code
 * XDH} provider.
 *
 * <p>RFC 7748 §5 encodes scalars and u-coordinates as 32 little-endian bytes; the JDK's {@link
 * XECPublicKeySpec} wants the u-coordinate as a {@link BigInteger}, so public keys are reversed and
 * their most significant bit is masked as RFC 7748 requires. Private keys go to {@link
 * XECPrivateKeySpec} as raw bytes (the JDK clamps them). There is no JDK call that derives the
 * public key of a given private key, so {@link #publicKey} multiplies by the base point {@code u =
 * 9}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7748#section-5">RFC 7748 §5</a>
 */
final class X25519 {

  /** {@code DHLEN} of Noise §12.1: a public key, a private key and a shared secret are 32 bytes. */
  static final int KEY_BYTES = 32;

  private static final BigInteger BASE_POINT_U = BigInteger.valueOf(9);

  private X25519() {}

  /** {@code DH(private, public)}: the 32-byte shared secret; small-order points are rejected. */
  static byte[] dh(byte[] privateKey, byte[] publicKey) throws NoiseException {
    checkLength("public", publicKey);
    return agree(privateKey, uCoordinate(publicKey));
  }

  /** The 32-byte public key of a 32-byte private key. */
  static byte[] publicKey(byte[] privateKey) {
    try {
      return agree(privateKey, BASE_POINT_U);
    } catch (NoiseException e) {
      throw new IllegalStateException("the X25519 base point cannot be of small order", e);
    }
  }

  static void checkLength(String what, byte[] key) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "an X25519 "
              + what
              + " key is "
              + KEY_BYTES
              + " bytes, got "
              + (key == null ? "null" : key.length + " bytes"));
    }
  }

  private static byte[] agree(byte[] privateKey, BigInteger u) throws NoiseException {
    checkLength("private", privateKey);
    try {
      KeyFactory factory = KeyFactory.getInstance("XDH");
      PrivateKey priv =
          factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
      PublicKey pub = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(priv);
      agreement.doPhase(pub, true);
      return agreement.generateSecret();
    } catch (InvalidKeyException e) {
      // The JDK refuses points of small order (an all-zero shared secret); Noise §12.1 lets us
      // abort.
      throw new NoiseException("X25519 rejected the remote public key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's XDH provider is unavailable", e);
    }
  }

  /** RFC 7748 §5 decodeUCoordinate: little-endian, most significant bit masked. */
  private static BigInteger uCoordinate(byte[] publicKey) {
    byte[] bigEndian = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      bigEndian[i] = publicKey[KEY_BYTES - 1 - i];
    }
    bigEndian[0] &= 0x7f;
    return new BigInteger(1, bigEndian);
  }
}
