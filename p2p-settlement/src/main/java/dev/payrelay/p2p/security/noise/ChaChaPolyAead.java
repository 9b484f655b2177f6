package dev.payrelay.p2p.security.noise;

import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;

/**
 * The AEAD_CHACHA20_POLY1305 construction of RFC 8439 §2.8 on this package's own {@link ChaCha20}
 * and {@link Poly1305}: the faster choice on JDK 17, whose {@code ChaCha20-Poly1305} runs in plain
 * Java without intrinsics and copies the data more than once (see {@link CipherState} for the
 * figures).
 *
 * <p>Sealing encrypts with the keystream from block 1, then authenticates {@code ad ‖ pad16 ‖
 * ciphertext ‖ pad16 ‖ len(ad) ‖ len(ciphertext)} under the one-time Poly1305 key taken from the
 * first 32 bytes of block 0. Opening authenticates first and compares the tags in constant time
 * ({@link MessageDigest#isEqual}); only when they match does it decrypt, so a forged message writes
 * nothing to the output.
 *
 * <p>Output may be the input array at the same offset (in place); other overlaps are not allowed.
 * An instance holds one key and scratch buffers and allocates nothing per message; it is not
 * thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8439#section-2.8">RFC 8439 §2.8</a>
 */
final class ChaChaPolyAead implements AeadCipher {

  /** Size of the key, in bytes. */
  static final int KEY_BYTES = ChaCha20.KEY_BYTES;

  /** Size of the nonce, in bytes. */
  static final int NONCE_BYTES = ChaCha20.NONCE_BYTES;

  /** Size of the tag that follows the ciphertext, in bytes. */
  static final int TAG_BYTES = Poly1305.TAG_BYTES;

  /** The block whose keystream makes the Poly1305 key; the data's keystream starts at the next. */
  private static final int KEY_BLOCK = 0;

  /**
   * Bytes sealed per step: the keystream ChaCha20 computes in one pass (16 KiB), a multiple of 16
   * so that Poly1305's padding falls only after the last step.
   */
  private static final int CHUNK_BYTES = ChaCha20Lanes.LANES * ChaCha20.BLOCK_BYTES;

  private final ChaCha20 chacha;
  private final Poly1305 poly = new Poly1305();
  private final byte[] polyKey = new byte[ChaCha20.BLOCK_BYTES];
  private final byte[] tag = new byte[TAG_BYTES];
  private final byte[] received = new byte[TAG_BYTES];

  ChaChaPolyAead(byte[] key) {
    this.chacha = new ChaCha20(key);
  }

  /** Seals with the Noise nonce: 4 zero bytes, then {@code n} as 8 little-endian bytes. */
  @Override
  public void seal(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) {
    seal(0, (int) n, (int) (n >>> 32), ad, in, off, len, out, outOff);
  }

  /** Opens with the Noise nonce: 4 zero bytes, then {@code n} as 8 little-endian bytes. */
  @Override
  public void open(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    open(0, (int) n, (int) (n >>> 32), ad, in, off, len, out, outOff);
  }

  /** Seals with any 12-byte nonce; writes {@code len + 16} bytes to {@code out} at outOff. */
  void seal(byte[] nonce, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) {
    checkNonce(nonce);
    seal(word(nonce, 0), word(nonce, 1), word(nonce, 2), ad, in, off, len, out, outOff);
  }

  /** Opens with any 12-byte nonce; writes {@code len - 16} bytes only if the tag is right. */
  void open(byte[] nonce, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    checkNonce(nonce);
    open(word(nonce, 0), word(nonce, 1), word(nonce, 2), ad, in, off, len, out, outOff);
  }

  /**
   * Encrypts and authenticates {@link #CHUNK_BYTES} at a time, so that Poly1305 reads each chunk of
   * ciphertext while it is still in the L1 cache.
   */
  private void seal(
      int n0, int n1, int n2, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff) {
    startTag(n0, n1, n2, ad);
    for (int done = 0; done < len; done += CHUNK_BYTES) {
      int chunk = Math.min(CHUNK_BYTES, len - done);
      int counter = KEY_BLOCK + 1 + done / ChaCha20.BLOCK_BYTES;
      chacha.xor(counter, n0, n1, n2, in, off + done, chunk, out, outOff + done);
      poly.updatePadded(out, outOff + done, chunk);
    }
    finishTag(ad.length, len);
    System.arraycopy(tag, 0, out, outOff + len, TAG_BYTES);
  }

  private void open(
      int n0, int n1, int n2, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException {
    if (len < TAG_BYTES) {
      throw new AEADBadTagException(
          "a ciphertext holds at least the " + TAG_BYTES + "-byte tag, got " + len + " bytes");
    }
    int textLen = len - TAG_BYTES;
    startTag(n0, n1, n2, ad);
    poly.updatePadded(in, off, textLen);
    finishTag(ad.length, textLen);
    System.arraycopy(in, off + textLen, received, 0, TAG_BYTES);
    if (!MessageDigest.isEqual(tag, received)) {
      throw new AEADBadTagException("ChaCha20-Poly1305 tag mismatch");
    }
    chacha.xor(KEY_BLOCK + 1, n0, n1, n2, in, off, textLen, out, outOff);
  }

  /** Starts the tag: the one-time key from block 0, then {@code ad ‖ pad16}. */
  private void startTag(int n0, int n1, int n2, byte[] ad) {
    chacha.keystream(KEY_BLOCK, n0, n1, n2, polyKey, 0);
    poly.reset(polyKey, 0);
    poly.updatePadded(ad, 0, ad.length);
  }

  /** Ends the tag, after {@code ciphertext ‖ pad16}: the two lengths, then into {@link #tag}. */
  private void finishTag(long adLength, long ciphertextLength) {
    poly.updateLengths(adLength, ciphertextLength);
    poly.finish(tag, 0);
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException(
          "a ChaCha20-Poly1305 nonce is " + NONCE_BYTES + " bytes, got " + nonce.length);
    }
  }

  private static int word(byte[] nonce, int i) {
    return ChaCha20.nonceWord(nonce, i);
  }
}
