package dev.payrelay.gateway.webhooks;

import static dev.payrelay.gateway.webhooks.WebhookReceiver.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1,000 invoices created through the real use case and then paid in one burst (their {@code
 * invoice.processing} and {@code invoice.paid} written through the real {@link InvoiceOutbox}, many
 * at once): every event reaches the endpoint, and each invoice's events arrive in order.
 */
class WebhookBurstTest {

  static final int INVOICES = 1_000;
  static final List<String> LIFE = List.of("invoice.created", "invoice.processing", "invoice.paid");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyWebhookOfAThousandInvoicesPaidInABurstIsDeliveredInOrderPerInvoice() throws Exception {
    try (DeliveryFixture node = new DeliveryFixture(WebhookBurstTest.class);
        WebhookReceiver receiver = WebhookReceiver.accepting()) {
      node.endpoint(receiver.url(), LIFE.toArray(String[]::new));
      node.startRelays(Duration.ofDays(5));

      List<Invoice> invoices =
          Flux.range(0, INVOICES)
              .flatMap(i -> node.fx.invoices.create(InvoicingFixture.usdc(node.store, "1.5")), 8)
              .collectList()
              .block(Duration.ofMinutes(5));
      InvoiceOutbox outbox = new InvoiceOutbox(new ObjectMapper());
      long start = System.nanoTime();
      Flux.fromIterable(invoices)
          .flatMap(
              invoice ->
                  outbox.invoiceEvents(
                      node.db,
                      InvoiceSummary.of(invoice),
                      List.of(InvoiceEventType.INVOICE_PROCESSING, InvoiceEventType.INVOICE_PAID)),
              32)
          .then()
          .block(Duration.ofMinutes(5));

      int expected = INVOICES * LIFE.size();
      await(
          expected + " distinct webhooks",
          Duration.ofMinutes(8),
          () -> distinctIds(receiver) >= expected);
      System.out.printf(
          "WebhookBurstTest: %d webhooks (%d requests) delivered %.1f s after the burst%n",
          expected, receiver.received().size(), (System.nanoTime() - start) / 1e9);

      Map<String, List<String>> perInvoice = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (WebhookReceiver.Received r : receiver.received()) {
        if (!seen.add(r.header("webhook-id"))) {
          continue; // at least once: a repeat is allowed, and deduplicated by its id
        }
        JsonNode body = JSON.readTree(r.body());
        perInvoice
            .computeIfAbsent(body.at("/data/invoice/id").asString(), k -> new ArrayList<>())
            .add(body.get("type").asString());
      }
      assertThat(perInvoice).hasSize(INVOICES);
      for (Invoice invoice : invoices) {
        assertThat(perInvoice.get(invoice.id().toString()))
            .as("events of %s in arrival order", invoice.id())
            .isEqualTo(LIFE);
      }
      assertThat(
              node.count(
                  "SELECT count(*) FROM outbox WHERE channel = 'webhook_delivery'"
                      + " AND delivered_at IS NOT NULL"))
          .isEqualTo(expected);
      assertThat(node.count("SELECT count(*) FROM outbox WHERE dead_at IS NOT NULL")).isZero();
    }
  }

  private static long distinctIds(WebhookReceiver receiver) {
    return receiver.received().stream().map(r -> r.header("webhook-id")).distinct().count();
  }
}
