package dev.payrelay.p2p.core;

import java.util.Arrays;

/**
 * A node's Ed25519 identity key (RFC 8032); see {@link Ed25519} for the implementation.
 *
 * <p>Stored as the {@code PrivateKey} protobuf whose data is the 64 bytes seed ‖ public key, the
 * spec's preferred encoding; the older 96-byte seed ‖ public ‖ public form is read too, with both
 * copies checked. A stored public key that does not match the seed is rejected. Spec: <a
 * href="https://github.com/libp2p/specs/blob/master/peer-ids/peer-ids.md#ed25519">peer-ids,
 * "Ed25519"</a>. {@link #toString()} shows only the peer id.
 */
public final class Ed25519KeyPair {
  /** The spec's preferred private key data: seed ‖ public key. */
  static final int PRIVATE_KEY_BYTES = Ed25519.SEED_BYTES + Ed25519.PUBLIC_KEY_BYTES;

  /** The older form, seed ‖ public key ‖ public key. */
  static final int LEGACY_PRIVATE_KEY_BYTES = PRIVATE_KEY_BYTES + Ed25519.PUBLIC_KEY_BYTES;

  private final byte[] seed;
  private final byte[] rawPublicKey;
  private final PublicKey publicKey;

  private Ed25519KeyPair(byte[] seed, byte[] rawPublicKey) {
    this.seed = seed;
    this.rawPublicKey = rawPublicKey;
    this.publicKey = PublicKey.ed25519(rawPublicKey);
  }

  /** A new random key pair from the JDK's default {@code SecureRandom}. */
  public static Ed25519KeyPair generate() {
    byte[] seed = Ed25519.generateSeed();
    return new Ed25519KeyPair(seed, Ed25519.publicKeyFromSeed(seed));
  }

  /**
   * The key pair of a 32-byte RFC 8032 seed (the "private key" of RFC 8032).
   *
   * @throws KeyFormatException if the seed is not 32 bytes
   */
  public static Ed25519KeyPair fromSeed(byte[] seed) {
    Ed25519.requireLength(seed, Ed25519.SEED_BYTES, "Ed25519 seed");
    byte[] copy = seed.clone();
    return new Ed25519KeyPair(copy, Ed25519.publicKeyFromSeed(copy));
  }

  /**
   * The key pair stored in a {@code PrivateKey} message.
   *
   * @throws KeyFormatException if it is not an Ed25519 key of 64 (or legacy 96) bytes whose public
   *     key matches its seed
   */
  public static Ed25519KeyPair fromPrivateKey(PrivateKey key) {
    if (key.type() != KeyType.ED25519) {
      throw new KeyFormatException("expected an Ed25519 private key, got " + key.type());
    }
    byte[] data = key.data();
    if (data.length != PRIVATE_KEY_BYTES && data.length != LEGACY_PRIVATE_KEY_BYTES) {
      throw new KeyFormatException(
          "Ed25519 private key data must be "
              + PRIVATE_KEY_BYTES
              + " (or legacy "
              + LEGACY_PRIVATE_KEY_BYTES
              + ") bytes, not "
              + data.length);
    }
    if (data.length == LEGACY_PRIVATE_KEY_BYTES
        && !Arrays.equals(
            data,
            Ed25519.SEED_BYTES,
            PRIVATE_KEY_BYTES,
            data,
            PRIVATE_KEY_BYTES,
            LEGACY_PRIVATE_KEY_BYTES)) {
      throw new KeyFormatException("legacy Ed25519 private key holds two different public keys");
    }
    Ed25519KeyPair pair = fromSeed(Arrays.copyOf(data, Ed25519.SEED_BYTES));
    byte[] stored = Arrays.copyOfRange(data, Ed25519.SEED_BYTES, PRIVATE_KEY_BYTES);
    if (!Arrays.equals(stored, pair.publicKey.data())) {
      throw new KeyFormatException("Ed25519 private key's public half does not match its seed");
    }
    return pair;
  }

  /**
   * The key pair in a marshalled {@code PrivateKey} protobuf, such as a node key file.
   *
   * @throws KeyFormatException for anything but a valid Ed25519 private key
   */
  public static Ed25519KeyPair unmarshalPrivateKey(byte[] encoded) {
    return fromPrivateKey(PrivateKey.unmarshal(encoded));
  }

  /** The {@code PrivateKey} message: Ed25519, seed ‖ public key. */
  public PrivateKey privateKey() {
    byte[] data = Arrays.copyOf(seed, PRIVATE_KEY_BYTES);
    System.arraycopy(publicKey.data(), 0, data, Ed25519.SEED_BYTES, Ed25519.PUBLIC_KEY_BYTES);
    return new PrivateKey(KeyType.ED25519, data);
  }

  /** The marshalled {@code PrivateKey} protobuf, the bytes to store in a node key file. */
  public byte[] marshalPrivateKey() {
    return privateKey().marshal();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The raw 32-byte public key. */
  public byte[] rawPublicKey() {
    return publicKey.data();
  }

  public PeerId peerId() {
    return PeerId.fromPublicKey(publicKey);
  }

  /** The 64-byte Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    return Ed25519.sign(seed, rawPublicKey, message);
  }

  /** Whether {@code signature} is this key's signature of {@code message}. */
  public boolean verify(byte[] message, byte[] signature) {
    return publicKey.verify(message, signature);
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[" + peerId() + "]";
  }
}
