package dev.payrelay.p2p.security.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise {@code SymmetricState} (Noise §5.2) with the {@code SHA256} hash functions (Noise §12.5):
 * the chaining key {@code ck}, the handshake hash {@code h} and a {@link CipherState} that exists
 * once the first {@code MixKey} has run. {@code HKDF} is Noise §4.3's, over HMAC-SHA256.
 *
 * @see <a href="https://noiseprotocol.org/noise.html#the-symmetricstate-object">Noise §5.2</a>
 */
final class SymmetricState {

  /** {@code HASHLEN} of SHA-256, in bytes. */
  static final int HASH_BYTES = 32;

  private byte[] chainingKey;
  private byte[] handshakeHash;
  private CipherState cipher; // null until the first MixKey: "k is empty"

  /** {@code InitializeSymmetric(protocol_name)}. */
  SymmetricState(String protocolName) {
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    handshakeHash = name.length <= HASH_BYTES ? Arrays.copyOf(name, HASH_BYTES) : sha256(name);
    chainingKey = handshakeHash.clone();
  }

  /** {@code MixKey(input_key_material)}: new {@code ck}, and a new key with {@code n = 0}. */
  void mixKey(byte[] inputKeyMaterial) {
    byte[][] outputs = hkdf(chainingKey, inputKeyMaterial, 2);
    chainingKey = outputs[0];
    cipher = new CipherState(outputs[1]); // HASHLEN is 32: no truncation of temp_k
  }

  /** {@code MixHash(data)}: {@code h = SHA256(h || data)}. */
  void mixHash(byte[] data) {
    MessageDigest digest = newSha256();
    digest.update(handshakeHash);
    digest.update(data);
    handshakeHash = digest.digest();
  }

  boolean hasKey() {
    return cipher != null;
  }

  /** {@code EncryptAndHash(plaintext)}; the plaintext itself while there is no key yet. */
  byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
    byte[] ciphertext =
        hasKey()
            ? cipher.encryptWithAd(handshakeHash, plaintext, 0, plaintext.length)
            : plaintext.clone();
    mixHash(ciphertext);
    return ciphertext;
  }

  /** {@code DecryptAndHash(ciphertext)}; {@code h} changes only if decryption succeeds. */
  byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
    byte[] plaintext =
        hasKey()
            ? cipher.decryptWithAd(handshakeHash, ciphertext, 0, ciphertext.length)
            : ciphertext.clone();
    mixHash(ciphertext);
    return plaintext;
  }

  /** {@code GetHandshakeHash()}: a copy of {@code h}. */
  byte[] handshakeHash() {
    return handshakeHash.clone();
  }

  /** {@code Split()}: the two transport ciphers; the first is for initiator-to-responder. */
  CipherState[] split() {
    byte[][] keys = hkdf(chainingKey, new byte[0], 2);
    Arrays.fill(chainingKey, (byte) 0);
    return new CipherState[] {new CipherState(keys[0]), new CipherState(keys[1])};
  }

  /**
   * {@code HKDF(chaining_key, input_key_material, num_outputs)} of Noise §4.3 (RFC 5869 with the
   * chaining key as salt and empty info).
   */
  static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
    if (outputs < 2 || outputs > 3) {
      throw new IllegalArgumentException("Noise HKDF yields 2 or 3 outputs, not " + outputs);
    }
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[][] result = new byte[outputs][];
    byte[] previous = new byte[0];
    for (int i = 0; i < outputs; i++) {
      byte[] input = Arrays.copyOf(previous, previous.length + 1);
      input[previous.length] = (byte) (i + 1);
      previous = hmac(tempKey, input);
      result[i] = previous;
    }
    Arrays.fill(tempKey, (byte) 0);
    return result;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    return newSha256().digest(data);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
