package dev.payrelay.gateway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 of HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>")>}, the timestamp in whole seconds since the epoch.
 *
 * @see <a
 *     href="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md">Standard
 *     Webhooks specification</a>
 */
final class WebhookSignature {

  static final String ID_HEADER = "webhook-id";
  static final String TIMESTAMP_HEADER = "webhook-timestamp";
  static final String SIGNATURE_HEADER = "webhook-signature";
  static final String VERSION = "v1";

  private WebhookSignature() {}

  /** The value of {@code webhook-signature} for one message. */
  static String sign(WebhookSecret secret, String messageId, Instant timestamp, byte[] body) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      hmac.update(
          (messageId + "." + timestamp.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
      return VERSION + "," + Base64.getEncoder().encodeToString(hmac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }
}
