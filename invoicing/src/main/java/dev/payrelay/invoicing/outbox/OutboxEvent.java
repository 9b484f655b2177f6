package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One outbox row as a channel sees it when the relay hands it over for delivery.
 *
 * @param id the row id: events with the same {@code orderingKey} are delivered in id order
 * @param eventId stable across attempts; receivers deduplicate on it
 * @param storeId the store the event belongs to, or null for node-level events
 * @param attempts how many attempts were made before this one
 */
public record OutboxEvent(
    long id,
    UUID eventId,
    UUID storeId,
    String channel,
    String eventType,
    String orderingKey,
    JsonNode payload,
    Instant createdAt,
    int attempts) {

  public OutboxEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(orderingKey, "orderingKey");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
