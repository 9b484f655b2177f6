package dev.payrelay.gateway.webhooks;

import static dev.payrelay.gateway.webhooks.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.Invoice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery through the real outbox and relays to real HTTP receivers: retries until
 * accepted, every attempt recorded, nothing lost when the node stops between attempts, signatures
 * verified by the Standard Webhooks reference library, and failing endpoints disabled.
 */
class WebhookDeliveryTest {

  static final Duration NEVER = Duration.ofDays(5);

  DeliveryFixture node;

  @BeforeEach
  void start() {
    node = new DeliveryFixture(WebhookDeliveryTest.class);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheEventOnceAcceptedAndNothingIsLostAcrossRestarts()
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(n -> n < 3 ? 500 : 204)) {
      WebhookEndpoint endpoint = node.endpoint(receiver.url(), "invoice.created");
      node.startRelays(NEVER);
      Invoice invoice = node.invoice();

      // The node stops after each failed attempt and a new one starts on the same database.
      for (int attempt = 1; attempt <= 3; attempt++) {
        int expected = attempt;
        await("attempt " + attempt, DeliveryFixture.WAIT, () -> settled(expected));
        node.stopDelivery();
        assertThat(receiver.received()).hasSize(attempt);
        node.startDelivery(NEVER);
      }
      await("the accepted attempt", DeliveryFixture.WAIT, () -> delivered() == 1);

      List<WebhookReceiver.Received> got = receiver.received();
      assertThat(got).hasSize(4);
      assertThat(got)
          .extracting(WebhookReceiver.Received::answered)
          .containsExactly(500, 500, 500, 204);
      String id = got.get(0).header("webhook-id");
      assertThat(got).allSatisfy(r -> assertThat(r.header("webhook-id")).isEqualTo(id));
      assertThat(got).allSatisfy(r -> assertThat(r.body()).isEqualTo(got.get(0).body()));
      WebhookReceiver.Received accepted = got.get(3);
      assertThat(accepted.body())
          .contains("\"type\":\"invoice.created\"")
          .contains(invoice.id().toString())
          .contains("\"v\":1");
      assertThat(accepted.header("content-type")).startsWith("application/json");

      StandardWebhooksVerifier.Verdict verdict =
          StandardWebhooksVerifier.verify(
              endpoint.secret().value(), signed(accepted), accepted.body());
      assertThat(verdict.verified()).as(verdict.output()).isTrue();
      assertThat(
              StandardWebhooksVerifier.verify(
                      endpoint.secret().value(),
                      signed(accepted),
                      accepted.body().replace("invoice.created", "invoice.paid"))
                  .verified())
          .as("tampered body")
          .isFalse();

      assertThat(
              node.fx.strings(
                  "SELECT concat_ws('/', succeeded, status_code, response_excerpt, error IS NULL)"
                      + " FROM webhook_attempts ORDER BY id"))
          .containsExactly(
              "f/500/answer 500/f", "f/500/answer 500/f", "f/500/answer 500/f", "t/204//t");
      assertThat(node.count("SELECT attempts FROM outbox WHERE channel = 'webhook_delivery'"))
          .isEqualTo(4);
      assertThat(
              node.fx.strings(
                  "SELECT failing_since IS NULL FROM webhook_endpoints WHERE id = '"
                      + endpoint.id()
                      + "'"))
          .containsExactly("t");
    }
  }

  @Test
  void anEndpointFailingForTooLongIsDisabledAndTheStoreIsTold() throws Exception {
    try (WebhookReceiver failing = new WebhookReceiver(n -> 503);
        WebhookReceiver watcher = WebhookReceiver.accepting()) {
      WebhookEndpoint broken = node.endpoint(failing.url(), "invoice.created");
      node.endpoint(watcher.url(), "webhook.disabled");
      node.startRelays(Duration.ofMillis(1500));
      node.invoice();

      await(
          "webhook.disabled at the other endpoint",
          DeliveryFixture.WAIT,
          () -> !watcher.received().isEmpty());
      assertThat(watcher.received().get(0).body())
          .contains("\"type\":\"webhook.disabled\"")
          .contains(broken.id().toString());
      assertThat(
              node.fx.strings(
                  "SELECT concat_ws('/', enabled, disabled_reason) FROM webhook_endpoints"
                      + " WHERE id = '"
                      + broken.id()
                      + "'"))
          .containsExactly("f/failing");
      int attempts = failing.received().size();
      assertThat(attempts).isGreaterThanOrEqualTo(2);
      await(
          "the disabled endpoint's delivery given up",
          DeliveryFixture.WAIT,
          () ->
              node.count(
                      "SELECT count(*) FROM outbox WHERE webhook_endpoint_id = '"
                          + broken.id()
                          + "' AND dead_at IS NOT NULL")
                  == 1);
      assertThat(failing.received()).hasSize(attempts);
    }
  }

  private static Map<String, String> signed(WebhookReceiver.Received r) {
    return Map.of(
        "webhook-id", r.header("webhook-id"),
        "webhook-timestamp", r.header("webhook-timestamp"),
        "webhook-signature", r.header("webhook-signature"));
  }

  /** {@code n} attempts recorded, and the delivery row not leased (the outcome is written). */
  private boolean settled(int n) {
    return node.count("SELECT count(*) FROM webhook_attempts") == n
        && node.count(
                "SELECT count(*) FROM outbox WHERE channel = 'webhook_delivery'"
                    + " AND attempts = "
                    + n
                    + " AND claimed_by IS NULL")
            == 1;
  }

  private long delivered() {
    return node.count(
        "SELECT count(*) FROM outbox WHERE channel = 'webhook_delivery'"
            + " AND delivered_at IS NOT NULL");
  }
}
