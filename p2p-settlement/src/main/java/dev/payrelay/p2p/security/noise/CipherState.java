package dev.payrelay.p2p.security.noise;

import java.util.function.Function;
import javax.crypto.AEADBadTagException;

/**
 * A Noise {@code CipherState} (Noise §5.1) with the {@code ChaChaPoly} cipher functions (Noise
 * §12.3): a 32-byte key {@code k} and a 64-bit counter {@code n}. One instance per direction; it is
 * not thread-safe.
 *
 * <p>The AEAD nonce is 4 zero bytes followed by {@code n} as 8 little-endian bytes. {@code n} runs
 * from 0 to 2<sup>64</sup>−2; the value 2<sup>64</sup>−1 is reserved (Noise §5.1), so the message
 * after 2<sup>64</sup>−1 messages is an error and the connection must end (noise-libp2p,
 * "Encryption and I/O"). {@code n} does not advance when decryption fails.
 *
 * <p>Which ChaCha20-Poly1305, and why: the AEAD is nearly all of a bulk stream's CPU time, and the
 * fastest one depends on the runtime. Before Java 20 the JIT has no ChaCha20 or Poly1305 intrinsic,
 * and this package's own {@link ChaChaPolyAead} (SIMD-friendly ChaCha20, 26-bit-limb Poly1305, no
 * copies) beats the JDK's {@code Cipher}; from Java 20 on the JDK's intrinsics win by far, so
 * {@link JdkChaChaPoly} is used there ({@link #FIRST_RELEASE_WITH_AEAD_INTRINSICS}). Measured with
 * {@code bench} {@code -Dbench.run=aead} (64 KiB messages, thread CPU time, median of 5 rounds,
 * 2-core Xeon with AVX-512, load average 7 from other work): on OpenJDK 17.0.15 the JDK seals at
 * 220 MiB/s and opens at 225, the own AEAD at 641 and 613 (2.8x and 2.7x; for 12-byte to 4 KB
 * messages 1.6-2.3x); on Temurin 25 the JDK seals at 1,992 MiB/s and opens at 1,880, the own AEAD
 * at 638 and 608 (0.3x). Releases 20 to 24 were not measured here: the switch follows the release
 * that brought the intrinsics. BouncyCastle's {@code ChaCha20Poly1305} (about 130 MiB/s on 17) was
 * never a contender; {@code ChaCha20Poly1305AgreementTest} checks that it, the JDK and this class
 * agree.
 *
 * @see <a href="https://noiseprotocol.org/noise.html#the-cipherstate-object">Noise §5.1</a>
 */
public final class CipherState {

  /** Size of the ChaCha20-Poly1305 key, in bytes. */
  public static final int KEY_BYTES = 32;

  /** Size of the Poly1305 authentication tag appended to every ciphertext, in bytes. */
  public static final int TAG_BYTES = 16;

  /** Size of the AEAD nonce, in bytes: 4 zero bytes and the 8-byte little-endian counter. */
  static final int NONCE_BYTES = 12;

  /** The reserved counter value 2<sup>64</sup>−1 (as an unsigned long); reaching it is an error. */
  static final long RESERVED_NONCE = -1L;

  /**
   * The first Java feature release whose JIT has ChaCha20 and Poly1305 intrinsics (JDK 20); from
   * there on the JDK's cipher is used, before it this package's own.
   */
  static final int FIRST_RELEASE_WITH_AEAD_INTRINSICS = 20;

  private static final byte[] NO_AD = new byte[0];

  private final AeadCipher aead;
  private long nonce;

  /** {@code InitializeKey(k)} with {@code n = 0}, on the faster AEAD for this runtime. */
  CipherState(byte[] key) {
    this(key, fasterAead(Runtime.version().feature()));
  }

  /** {@code InitializeKey(k)} with {@code n = 0} on the given AEAD: tests run both. */
  CipherState(byte[] key, Function<byte[], AeadCipher> aead) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a ChaChaPoly key is " + KEY_BYTES + " bytes, got " + key.length);
    }
    this.aead = aead.apply(key);
  }

  /** The AEAD that is faster on Java feature release {@code feature} (see the class comment). */
  static Function<byte[], AeadCipher> fasterAead(int feature) {
    return feature >= FIRST_RELEASE_WITH_AEAD_INTRINSICS ? JdkChaChaPoly::new : ChaChaPolyAead::new;
  }

  /** The counter {@code n}: the nonce of the next message (an unsigned 64-bit value). */
  public long nonce() {
    return nonce;
  }

  /** {@code SetNonce(n)} of Noise §5.1; for tests of nonce exhaustion. */
  void setNonce(long nonce) {
    this.nonce = nonce;
  }

  /** Encrypts a transport message with empty associated data; the result is 16 bytes longer. */
  public byte[] encrypt(byte[] plaintext) throws NoiseException {
    return encryptWithAd(NO_AD, plaintext, 0, plaintext.length);
  }

  /** Encrypts {@code plaintext[offset, offset+length)} with empty associated data. */
  public byte[] encrypt(byte[] plaintext, int offset, int length) throws NoiseException {
    return encryptWithAd(NO_AD, plaintext, offset, length);
  }

  /** Decrypts a transport message with empty associated data. */
  public byte[] decrypt(byte[] ciphertext) throws NoiseException {
    return decryptWithAd(NO_AD, ciphertext, 0, ciphertext.length);
  }

  /** Decrypts {@code ciphertext[offset, offset+length)} with empty associated data. */
  public byte[] decrypt(byte[] ciphertext, int offset, int length) throws NoiseException {
    return decryptWithAd(NO_AD, ciphertext, offset, length);
  }

  /**
   * Encrypts {@code plaintext[offset, offset+length)} into a new array at {@code outOffset}, the
   * first {@code outOffset} bytes left for the caller (a frame's length prefix), so that the
   * ciphertext is not copied again.
   */
  public byte[] encryptInto(int outOffset, byte[] plaintext, int offset, int length)
      throws NoiseException {
    return seal(NO_AD, outOffset, plaintext, offset, length);
  }

  /** {@code EncryptWithAd(ad, plaintext)} of Noise §5.1. */
  byte[] encryptWithAd(byte[] ad, byte[] plaintext, int offset, int length) throws NoiseException {
    return seal(ad, 0, plaintext, offset, length);
  }

  /**
   * {@code DecryptWithAd(ad, ciphertext)} of Noise §5.1; {@code n} advances only on success, and on
   * failure no plaintext leaves this method.
   */
  byte[] decryptWithAd(byte[] ad, byte[] ciphertext, int offset, int length) throws NoiseException {
    if (length < TAG_BYTES) {
      throw new NoiseException(
          "a ciphertext holds at least the " + TAG_BYTES + "-byte tag, got " + length + " bytes");
    }
    checkNotExhausted();
    byte[] plaintext = new byte[length - TAG_BYTES];
    try {
      aead.open(nonce, ad, ciphertext, offset, length, plaintext, 0);
    } catch (AEADBadTagException e) {
      throw new NoiseException(
          "ChaCha20-Poly1305 authentication failed at nonce " + Long.toUnsignedString(nonce), e);
    }
    nonce++;
    return plaintext;
  }

  private byte[] seal(byte[] ad, int outOffset, byte[] plaintext, int offset, int length)
      throws NoiseException {
    checkNotExhausted();
    byte[] out = new byte[outOffset + length + TAG_BYTES];
    aead.seal(nonce, ad, plaintext, offset, length, out, outOffset);
    nonce++;
    return out;
  }

  private void checkNotExhausted() throws NoiseException {
    if (nonce == RESERVED_NONCE) {
      throw new NoiseException(
          "the Noise nonce is exhausted (2^64-1 messages); close the connection");
    }
  }

  /** The 96-bit ChaChaPoly nonce of Noise §12.3: 32 zero bits, then {@code n} little-endian. */
  static byte[] nonceBytes(long n) {
    byte[] bytes = new byte[NONCE_BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[4 + i] = (byte) (n >>> (8 * i));
    }
    return bytes;
  }
}
