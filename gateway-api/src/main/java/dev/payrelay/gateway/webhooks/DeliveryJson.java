package dev.payrelay.gateway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of an endpoint's deliveries (schemas {@code WebhookDelivery}, ...). */
final class DeliveryJson {

  private DeliveryJson() {}

  /** {@code WebhookAttempt}. */
  record Attempt(
      Instant attemptedAt,
      boolean succeeded,
      Integer statusCode,
      int latencyMs,
      String responseExcerpt,
      String error) {

    static Attempt of(WebhookDeliveries.Attempt a) {
      return new Attempt(
          a.attemptedAt(),
          a.succeeded(),
          a.statusCode(),
          a.latencyMs(),
          a.responseExcerpt(),
          a.error());
    }
  }

  /** {@code WebhookDelivery}. */
  record Delivery(
      String id,
      UUID eventId,
      String eventType,
      String status,
      int attemptCount,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt,
      List<Attempt> attempts) {

    static Delivery of(WebhookDeliveries.Delivery d) {
      return new Delivery(
          Long.toString(d.id()),
          d.eventId(),
          d.eventType(),
          d.status(),
          d.attemptCount(),
          d.createdAt(),
          d.nextAttemptAt(),
          d.deliveredAt(),
          d.attempts().stream().map(Attempt::of).toList());
    }
  }

  /** {@code WebhookDeliveryList}. */
  record Page(List<Delivery> data, String nextCursor) {

    /** {@code rows} holds up to {@code limit + 1} rows: one more means there is a next page. */
    static Page of(List<WebhookDeliveries.Delivery> rows, int limit) {
      boolean more = rows.size() > limit;
      List<WebhookDeliveries.Delivery> shown = more ? rows.subList(0, limit) : rows;
      return new Page(
          shown.stream().map(Delivery::of).toList(),
          more ? Long.toString(shown.get(shown.size() - 1).id()) : null);
    }
  }
}
