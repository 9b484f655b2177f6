package dev.payrelay.gateway.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of
 * {@value #BYTES} random bytes (the specification allows 24 to 64).
 *
 * @see <a
 *     href="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md">Standard
 *     Webhooks, "Signature scheme"</a>
 */
record WebhookSecret(String value) {

  static final String PREFIX = "whsec_";

  /** 32 random bytes: 256 bits of key for HMAC-SHA256. */
  static final int BYTES = 32;

  private static final Pattern FORM = Pattern.compile("whsec_[A-Za-z0-9+/]{32,88}={0,2}");

  WebhookSecret {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a webhook secret (whsec_<base64>)");
    }
  }

  static WebhookSecret generate(SecureRandom random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** The HMAC key: the base64 after the prefix, decoded. */
  byte[] key() {
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
