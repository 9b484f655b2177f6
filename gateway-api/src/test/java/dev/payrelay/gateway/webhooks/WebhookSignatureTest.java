package dev.payrelay.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Our signatures, checked by the Standard Webhooks reference library (npm, run with node): a signed
 * message verifies; a changed body, another secret or an old timestamp does not.
 */
class WebhookSignatureTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void theReferenceLibraryVerifiesOurSignatureAndRefusesTamperedOrOldMessages() {
    WebhookSecret secret = WebhookSecret.generate(RANDOM);
    String id = UUID.randomUUID().toString();
    String body =
        "{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"data\":{\"v\":1,\"ü\":\"€\"}}";
    Instant now = Instant.now();

    assertThat(verify(secret, id, now, body, body).verified()).as("as signed").isTrue();

    StandardWebhooksVerifier.Verdict tampered =
        verify(secret, id, now, body, body.replace("invoice.paid", "invoice.void"));
    assertThat(tampered.verified()).as("tampered body").isFalse();
    assertThat(tampered.output()).contains("No matching signature");

    StandardWebhooksVerifier.Verdict old =
        verify(secret, id, now.minus(Duration.ofMinutes(10)), body, body);
    assertThat(old.verified()).as("10 minutes old").isFalse();
    assertThat(old.output()).contains("too old");

    WebhookSecret other = WebhookSecret.generate(RANDOM);
    String signature = WebhookSignature.sign(other, id, now, body.getBytes(StandardCharsets.UTF_8));
    assertThat(
            StandardWebhooksVerifier.verify(secret.value(), headers(id, now, signature), body)
                .verified())
        .as("signed with another secret")
        .isFalse();
  }

  @Test
  void secretsHaveTheStandardFormAndAreNeverShownByToString() {
    WebhookSecret secret = WebhookSecret.generate(RANDOM);
    assertThat(secret.value()).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(secret.key()).hasSize(WebhookSecret.BYTES);
    assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
    assertThat(WebhookSecret.generate(RANDOM)).isNotEqualTo(secret);
  }

  private static StandardWebhooksVerifier.Verdict verify(
      WebhookSecret secret, String id, Instant at, String signedBody, String deliveredBody) {
    String signature =
        WebhookSignature.sign(secret, id, at, signedBody.getBytes(StandardCharsets.UTF_8));
    return StandardWebhooksVerifier.verify(
        secret.value(), headers(id, at, signature), deliveredBody);
  }

  private static Map<String, String> headers(String id, Instant at, String signature) {
    return Map.of(
        "webhook-id", id,
        "webhook-timestamp", Long.toString(at.getEpochSecond()),
        "webhook-signature", signature);
  }
}
