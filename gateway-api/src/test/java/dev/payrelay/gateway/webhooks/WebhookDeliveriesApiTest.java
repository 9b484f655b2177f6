package dev.payrelay.gateway.webhooks;

import static dev.payrelay.gateway.webhooks.WebhookReceiver.await;
import static dev.payrelay.gateway.webhooks.WebhooksApi.create;
import static dev.payrelay.gateway.webhooks.WebhooksApi.get;
import static dev.payrelay.gateway.webhooks.WebhooksApi.json;
import static dev.payrelay.gateway.webhooks.WebhooksApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole node delivering: an event written to the outbox reaches a real receiver through the
 * node's own relays, its attempts are listed by {@code GET /v1/webhooks/{id}/deliveries}, it can be
 * redelivered, and the same event appears on {@code GET /v1/events}, resumable by id.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class WebhookDeliveriesApiTest {

  static final Database db = TestDatabase.fresh(WebhookDeliveriesApiTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;
  static final Duration WAIT = Duration.ofSeconds(60);

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
    registry.add("payrelay.webhooks.allow-private-targets", () -> "true");
    registry.add("payrelay.webhooks.events-poll-interval", () -> "100ms");
    registry.add("payrelay.outbox.first-retry-delay", () -> "200ms");
    registry.add("payrelay.outbox.max-retry-delay", () -> "400ms");
    registry.add("payrelay.outbox.poll-interval", () -> "100ms");
  }

  @Autowired WebTestClient http;
  @LocalServerPort int port;

  @Test
  void attemptsAreListedRedeliveryResendsAndTheEventStreamCarriesTheSameEvent() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(n -> n == 0 ? 502 : 200)) {
      String id =
          (String)
              create(
                      http,
                      ADMIN,
                      Map.of(
                          "url", receiver.url().toString(), "eventTypes", List.of("invoice.paid")))
                  .get("id");
      String invoice = UUID.randomUUID().toString();
      long eventRow = writeEvent("invoice.paid", invoice);
      writeEvent("invoice.expired", invoice); // not subscribed: never sent

      await("the second attempt", WAIT, () -> receiver.received().size() >= 2);
      Map<String, Object> page =
          json(get(http, ADMIN, "/v1/webhooks/" + id + "/deliveries").expectStatus().isOk());
      List<Map<String, Object>> data = list(page.get("data"));
      assertThat(data).hasSize(1);
      Map<String, Object> delivery = data.get(0);
      assertThat(delivery)
          .containsEntry("eventType", "invoice.paid")
          .containsEntry("status", "delivered")
          .containsEntry("attemptCount", 2)
          .containsEntry("nextAttemptAt", null);
      List<Map<String, Object>> attempts = list(delivery.get("attempts"));
      assertThat(attempts).extracting(a -> a.get("statusCode")).containsExactly(502, 200);
      assertThat(attempts.get(0))
          .containsEntry("succeeded", false)
          .containsEntry("responseExcerpt", "answer 502")
          .containsEntry("error", "the endpoint answered HTTP 502");
      assertThat(attempts.get(1)).containsEntry("succeeded", true).containsEntry("error", null);
      assertThat((Integer) attempts.get(1).get("latencyMs")).isBetween(0, 10_000);
      String webhookId = receiver.received().get(0).header("webhook-id");
      assertThat(delivery.get("eventId")).isEqualTo(webhookId);

      Map<String, Object> queued =
          json(
              http.post()
                  .uri("/v1/webhooks/" + id + "/deliveries/" + delivery.get("id") + "/redeliver")
                  .headers(h -> h.setBearerAuth(ADMIN))
                  .exchange()
                  .expectStatus()
                  .isAccepted());
      assertThat(queued).containsEntry("status", "pending").containsEntry("eventId", webhookId);
      await("the redelivery", WAIT, () -> receiver.received().size() == 3);
      assertThat(receiver.received().get(2).header("webhook-id")).isEqualTo(webhookId);
      assertThat(receiver.received().get(2).body()).isEqualTo(receiver.received().get(1).body());

      Map<String, Object> first =
          json(
              get(http, ADMIN, "/v1/webhooks/" + id + "/deliveries?limit=1").expectStatus().isOk());
      assertThat(list(first.get("data")))
          .extracting(d -> d.get("id"))
          .containsExactly(queued.get("id"));
      Map<String, Object> second =
          json(
              get(
                      http,
                      ADMIN,
                      "/v1/webhooks/"
                          + id
                          + "/deliveries?limit=1&cursor="
                          + first.get("nextCursor"))
                  .expectStatus()
                  .isOk());
      assertThat(list(second.get("data")))
          .extracting(d -> d.get("id"))
          .containsExactly(delivery.get("id"));
      assertThat(second.get("nextCursor")).isNull();
      problem(
          http.post()
              .uri("/v1/webhooks/" + id + "/deliveries/" + (eventRow + 1000) + "/redeliver")
              .headers(h -> h.setBearerAuth(ADMIN))
              .exchange(),
          404,
          "not-found");

      // The event stream from the start: both events, in order, with their log ids.
      List<String> stream = readEvents("0", 2);
      assertThat(stream.get(0)).isEqualTo("id:" + eventRow);
      assertThat(String.join("\n", stream))
          .contains("event:invoice.paid")
          .contains("event:invoice.expired")
          .contains("data:" + receiver.received().get(1).body());
      // Resumed after the first: only the second.
      List<String> resumed = readEvents(Long.toString(eventRow), 1);
      assertThat(String.join("\n", resumed))
          .contains("event:invoice.expired")
          .doesNotContain("invoice.paid");
    }
  }

  /** Writes an event row for the default store as the invoicing code would; returns its id. */
  private static long writeEvent(String type, String invoice) throws Exception {
    String payload =
        "{\"v\":1,\"type\":\""
            + type
            + "\",\"invoice\":{\"id\":\""
            + invoice
            + "\",\"status\":\"PAID\"}}";
    return Long.parseLong(
        WebhookTestSql.column(
                db,
                "INSERT INTO outbox (store_id, channel, event_type, ordering_key, payload)"
                    + " SELECT id, 'webhook', ?, ?, ?::jsonb FROM stores WHERE is_default"
                    + " RETURNING id",
                type,
                invoice,
                payload)
            .get(0));
  }

  /**
   * Opens {@code /v1/events} after {@code lastEventId}; the lines of the first {@code n} events.
   */
  private List<String> readEvents(String lastEventId, int n) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Accept", "text/event-stream")
            .header("Last-Event-ID", lastEventId)
            .build();
    HttpResponse<InputStream> response =
        client
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("text/event-stream");
    List<String> lines = new ArrayList<>();
    try (InputStream body = response.body();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      int events = 0;
      String line;
      while (events < n && (line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          events++;
        } else if (!line.startsWith(":")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
