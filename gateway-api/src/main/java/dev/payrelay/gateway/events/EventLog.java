package dev.payrelay.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.gateway.webhooks.EventMessages;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A store's events in order: the outbox's {@code webhook} rows, the row id as cursor. Messages are
 * compact JSON, byte for byte what a webhook of the same event carries.
 */
final class EventLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event: its position in the log, its type and its message (JSON text). */
  record Entry(long id, String type, String message) {}

  private final DatabaseClient db;

  EventLog(DatabaseClient db) {
    this.db = db;
  }

  /** The position of the store's latest event (0 if none). */
  Mono<Long> head(UUID store) {
    return db.sql(
            "SELECT COALESCE(max(id), 0) AS head FROM outbox"
                + " WHERE store_id = :store AND channel = 'webhook'")
        .bind("store", store)
        .map(row -> row.get("head", Long.class))
        .one();
  }

  /** Up to {@code limit} of the store's events after {@code after}, in order. */
  Flux<Entry> after(UUID store, long after, int limit) {
    return db.sql(
            "SELECT o.id, o.event_type, "
                + EventMessages.jsonb("o")
                + "::text AS message FROM outbox o"
                + " WHERE o.store_id = :store AND o.channel = 'webhook' AND o.id > :after"
                + " ORDER BY o.id LIMIT :limit")
        .bind("store", store)
        .bind("after", after)
        .bind("limit", limit)
        .map(
            row ->
                new Entry(
                    row.get("id", Long.class),
                    row.get("event_type", String.class),
                    compact(row.get("message", String.class))))
        .all();
  }

  private static String compact(String json) {
    try {
      return JSON.writeValueAsString(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outbox message is not JSON", e);
    }
  }
}
