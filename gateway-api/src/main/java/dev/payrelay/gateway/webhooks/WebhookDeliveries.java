package dev.payrelay.gateway.webhooks;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * An endpoint's deliveries (its {@code webhook_delivery} rows of the outbox) and their attempts
 * ({@code webhook_attempts}).
 */
final class WebhookDeliveries {

  /** One attempt, as recorded. */
  record Attempt(
      Instant attemptedAt,
      boolean succeeded,
      Integer statusCode,
      int latencyMs,
      String responseExcerpt,
      String error) {}

  /** One delivery with its attempts, oldest attempt first. */
  record Delivery(
      long id,
      UUID eventId,
      String eventType,
      String status,
      int attemptCount,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt,
      List<Attempt> attempts) {}

  private static final String DELIVERY_COLUMNS =
      "id, payload->'message'->>'id' AS message_id, event_type, attempts, created_at,"
          + " next_attempt_at, delivered_at, dead_at";

  private final DatabaseClient db;

  WebhookDeliveries(DatabaseClient db) {
    this.db = db;
  }

  /** Up to {@code limit} deliveries to {@code endpoint} older than {@code before}, newest first. */
  Mono<List<Delivery>> page(UUID endpoint, Long before, int limit) {
    return db.sql(
            "SELECT "
                + DELIVERY_COLUMNS
                + " FROM outbox WHERE webhook_endpoint_id = :endpoint"
                + " AND (CAST(:before AS BIGINT) IS NULL OR id < :before)"
                + " ORDER BY id DESC LIMIT :limit")
        .bind("endpoint", endpoint)
        .bind("before", nullable(before, Long.class))
        .bind("limit", limit)
        .map(WebhookDeliveries::delivery)
        .all()
        .collectList()
        .flatMap(this::withAttempts);
  }

  /**
   * Queues delivery {@code id} of {@code endpoint} again, as a new row with the same message. Empty
   * if the endpoint has no such delivery.
   */
  Mono<Delivery> redeliver(UUID endpoint, long id) {
    return db.sql(
            "INSERT INTO outbox (store_id, channel, event_type, ordering_key, payload,"
                + " webhook_endpoint_id) SELECT store_id, channel, event_type, ordering_key,"
                + " payload, webhook_endpoint_id FROM outbox"
                + " WHERE id = :id AND webhook_endpoint_id = :endpoint RETURNING "
                + DELIVERY_COLUMNS)
        .bind("id", id)
        .bind("endpoint", endpoint)
        .map(WebhookDeliveries::delivery)
        .one();
  }

  Mono<Void> record(long delivery, UUID endpoint, Instant at, WebhookSender.Outcome outcome) {
    return db.sql(
            "INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempted_at, succeeded,"
                + " status_code, latency_ms, response_excerpt, error) VALUES (:delivery,"
                + " :endpoint, :at, :succeeded, :status, :latency, :excerpt, :error)")
        .bind("delivery", delivery)
        .bind("endpoint", endpoint)
        .bind("at", at)
        .bind("succeeded", outcome.succeeded())
        .bind("status", nullable(outcome.statusCode(), Integer.class))
        .bind("latency", (int) Math.min(Integer.MAX_VALUE, outcome.latencyMs()))
        .bind("excerpt", nullable(outcome.responseExcerpt(), String.class))
        .bind("error", nullable(outcome.error(), String.class))
        .then();
  }

  private Mono<List<Delivery>> withAttempts(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return Mono.just(deliveries);
    }
    Map<Long, List<Attempt>> byDelivery = new LinkedHashMap<>();
    deliveries.forEach(d -> byDelivery.put(d.id(), new ArrayList<>()));
    return db.sql(
            "SELECT delivery_id, attempted_at, succeeded, status_code, latency_ms,"
                + " response_excerpt, error FROM webhook_attempts"
                + " WHERE delivery_id = ANY(:ids) ORDER BY id")
        .bind("ids", byDelivery.keySet().toArray(Long[]::new))
        .map(
            row -> {
              byDelivery
                  .get(row.get("delivery_id", Long.class))
                  .add(
                      new Attempt(
                          row.get("attempted_at", Instant.class),
                          Boolean.TRUE.equals(row.get("succeeded", Boolean.class)),
                          row.get("status_code", Integer.class),
                          row.get("latency_ms", Integer.class),
                          row.get("response_excerpt", String.class),
                          row.get("error", String.class)));
              return 1;
            })
        .all()
        .then(
            Mono.fromSupplier(
                () ->
                    deliveries.stream()
                        .map(
                            d ->
                                new Delivery(
                                    d.id(),
                                    d.eventId(),
                                    d.eventType(),
                                    d.status(),
                                    d.attemptCount(),
                                    d.createdAt(),
                                    d.nextAttemptAt(),
                                    d.deliveredAt(),
                                    List.copyOf(byDelivery.get(d.id()))))
                        .toList()));
  }

  private static Delivery delivery(Readable row) {
    Instant delivered = row.get("delivered_at", Instant.class);
    Instant dead = row.get("dead_at", Instant.class);
    String status = delivered != null ? "delivered" : dead != null ? "dead" : "pending";
    return new Delivery(
        row.get("id", Long.class),
        UUID.fromString(row.get("message_id", String.class)),
        row.get("event_type", String.class),
        status,
        row.get("attempts", Integer.class),
        row.get("created_at", Instant.class),
        status.equals("pending") ? row.get("next_attempt_at", Instant.class) : null,
        delivered,
        List.of());
  }

  /** {@code value}, or a typed null of {@code type}. */
  private static Object nullable(Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : value;
  }
}
