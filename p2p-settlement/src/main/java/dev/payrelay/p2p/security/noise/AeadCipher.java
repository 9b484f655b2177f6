package dev.payrelay.p2p.security.noise;

import javax.crypto.AEADBadTagException;

/**
 * The ChaChaPoly cipher functions {@code ENCRYPT(k, n, ad, plaintext)} and {@code DECRYPT(k, n, ad,
 * ciphertext)} of Noise §12.3 under one key, with the Noise counter {@code n} as the nonce (4 zero
 * bytes, then {@code n} little-endian). {@link CipherState} keeps the counter and its limits; an
 * implementation only seals and opens. Two exist because the fastest one depends on the runtime:
 * see {@link CipherState}. Implementations are not thread-safe.
 */
interface AeadCipher {

  /**
   * Writes the ciphertext of {@code in[off, off+len)} and its 16-byte tag to {@code out} at {@code
   * outOff} ({@code len + 16} bytes).
   */
  void seal(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff);

  /**
   * Checks the tag of the ciphertext {@code in[off, off+len)} (tag included) and writes the {@code
   * len - 16} bytes of plaintext to {@code out} at {@code outOff}; on failure throws, and {@code
   * out} holds nothing the caller may use.
   */
  void open(long n, byte[] ad, byte[] in, int off, int len, byte[] out, int outOff)
      throws AEADBadTagException;
}
