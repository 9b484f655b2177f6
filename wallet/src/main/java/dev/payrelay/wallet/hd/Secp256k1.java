package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.InvalidValueException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.Sign;

/** The secp256k1 operations public BIP-32 derivation needs; public data only, no secrets. */
final class Secp256k1 {

  /** The group order {@code n}. */
  static final BigInteger N = Sign.CURVE_PARAMS.getN();

  static final int COMPRESSED_KEY_BYTES = 33;

  private static final ECPoint G = Sign.CURVE_PARAMS.getG();

  private Secp256k1() {}

  /** Decodes a SEC1 compressed point ({@code 02|03 || X}), checking it lies on the curve. */
  static ECPoint decodeCompressed(byte[] key) {
    if (key.length != COMPRESSED_KEY_BYTES || (key[0] != 0x02 && key[0] != 0x03)) {
      throw new InvalidValueException(
          String.format(
              "the public key must be a compressed secp256k1 point (33 bytes starting with 0x02"
                  + " or 0x03), got prefix 0x%02x",
              key[0]));
    }
    try {
      ECPoint point = Sign.CURVE_PARAMS.getCurve().decodePoint(key).normalize();
      if (point.isInfinity() || !point.isValid()) {
        throw new IllegalArgumentException("not a valid point");
      }
      return point;
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "the public key is not a point on the secp256k1 curve: its X coordinate has no"
              + " matching Y (or is not below the field prime)");
    }
  }

  /**
   * {@code point(IL) + parent}, or empty when BIP-32 calls the index invalid: {@code IL ≥ n}, or
   * the sum is the point at infinity.
   */
  static Optional<ECPoint> addTweak(ECPoint parent, byte[] il) {
    BigInteger tweak = new BigInteger(1, il);
    if (tweak.compareTo(N) >= 0) {
      return Optional.empty();
    }
    ECPoint sum = new FixedPointCombMultiplier().multiply(G, tweak).add(parent);
    return sum.isInfinity() ? Optional.empty() : Optional.of(sum.normalize());
  }

  /** The first 4 bytes of {@code RIPEMD-160(SHA-256(compressed key))}, big-endian. */
  static int fingerprint(byte[] compressedKey) {
    byte[] hash160 = new byte[20];
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    byte[] sha = sha256(compressedKey);
    ripemd.update(sha, 0, sha.length);
    ripemd.doFinal(hash160, 0);
    return ((hash160[0] & 0xFF) << 24)
        | ((hash160[1] & 0xFF) << 16)
        | ((hash160[2] & 0xFF) << 8)
        | (hash160[3] & 0xFF);
  }

  static byte[] hmacSha512(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(key, "HmacSHA512"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA512", e);
    }
  }

  /** {@code X || Y}, 64 bytes, as Ethereum hashes a public key into an address. */
  static byte[] uncompressedXy(ECPoint point) {
    byte[] encoded = point.getEncoded(false);
    return Arrays.copyOfRange(encoded, 1, encoded.length);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
