package dev.payrelay.p2p.security.noise;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An X25519 key pair as raw 32-byte arrays in the RFC 7748 encoding: a Noise static key ({@code s})
 * or ephemeral key ({@code e}). The noise-libp2p spec keeps this static key separate from the
 * libp2p identity key and advises against storing it on disk.
 *
 * @param privateKey the 32-byte scalar
 * @param publicKey the 32-byte little-endian u-coordinate
 */
public record X25519KeyPair(byte[] privateKey, byte[] publicKey) {

  public X25519KeyPair {
    X25519.checkLength("private", privateKey);
    X25519.checkLength("public", publicKey);
    privateKey = privateKey.clone();
    publicKey = publicKey.clone();
  }

  /** A fresh key pair ({@code GENERATE_KEYPAIR()} of Noise §4.1). */
  public static X25519KeyPair generate(SecureRandom random) {
    byte[] privateKey = new byte[X25519.KEY_BYTES];
    random.nextBytes(privateKey);
    return fromPrivateKey(privateKey);
  }

  /** The key pair of a given 32-byte private key; for test vectors and persisted keys. */
  public static X25519KeyPair fromPrivateKey(byte[] privateKey) {
    return new X25519KeyPair(privateKey, X25519.publicKey(privateKey));
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof X25519KeyPair that
        && Arrays.equals(privateKey, that.privateKey)
        && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "X25519KeyPair[publicKey=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }
}
