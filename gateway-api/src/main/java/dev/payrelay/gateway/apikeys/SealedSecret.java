package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.auth.ApiKeyToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a new key's secret out of the database while its creation answer is kept for idempotent
 * replay: the answer stores the secret encrypted (AES-256-GCM) under a key derived (HMAC-SHA256)
 * from the creating API key and the Idempotency-Key. Only a retry that presents the same creating
 * key can read it; the database (and its backups) never hold a usable API key.
 */
final class SealedSecret {

  private static final String PREFIX = "sealed.v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] LABEL =
      "payrelay api-key creation answer v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;

  /**
   * @param creator the API key that authenticated the creating request
   * @param context what else binds the seal: the store and the Idempotency-Key
   */
  SealedSecret(ApiKeyToken creator, String context) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(
          new SecretKeySpec(creator.value().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      hmac.update(LABEL);
      key = new SecretKeySpec(hmac.doFinal(context.getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  String seal(String secret, SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has AES/GCM", e);
    }
  }

  /** The secret, or empty if {@code sealed} was not sealed under this key. */
  Optional<String> open(String sealed) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
      if (in.length <= NONCE_BYTES) {
        return Optional.empty();
      }
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      byte[] plain = aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
