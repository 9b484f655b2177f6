package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay's statements on the {@code outbox} table (V1, V5). */
final class OutboxRows {

  /** Longest {@code last_error} kept. */
  static final int MAX_ERROR_CHARS = 1_000;

  private static final String COLUMNS =
      "id, event_id, store_id, channel, event_type, ordering_key, payload, created_at, attempts";

  /**
   * Leases the oldest due heads of their ordering keys: for every ordering key of the channel, only
   * its lowest pending id may be claimed, so events of one key are delivered one after another in
   * id order. The outer conditions are re-checked on the locked row, so two relays never lease the
   * same event at once. "Now" is the later of the relay's clock and the database's: rows are
   * written with the database's clock, and a node whose clock runs behind must not hold them back.
   */
  private static final String CLAIM =
      "UPDATE outbox o SET locked_until = :until, claimed_by = :relay"
          + " WHERE o.id IN ("
          + "   SELECT h.id FROM ("
          + "     SELECT DISTINCT ON (ordering_key) id, next_attempt_at, locked_until FROM outbox"
          + "     WHERE channel = :channel AND delivered_at IS NULL AND dead_at IS NULL"
          + "     ORDER BY ordering_key, id) h"
          + "   WHERE h.next_attempt_at <= greatest(:now, now())"
          + "   AND (h.locked_until IS NULL OR h.locked_until <= greatest(:now, now()))"
          + "   ORDER BY h.next_attempt_at, h.id LIMIT :limit)"
          + " AND o.delivered_at IS NULL AND o.dead_at IS NULL"
          + " AND (o.locked_until IS NULL OR o.locked_until <= greatest(:now, now()))"
          + " RETURNING "
          + COLUMNS;

  private final DatabaseClient db;
  private final ObjectMapper json;

  OutboxRows(DatabaseClient db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  Flux<OutboxEvent> claim(String channel, UUID relay, Instant now, Instant until, int limit) {
    return db.sql(CLAIM)
        .bind("until", utc(until))
        .bind("relay", relay)
        .bind("channel", channel)
        .bind("now", utc(now))
        .bind("limit", limit)
        .map(this::event)
        .all()
        .sort((a, b) -> Long.compare(a.id(), b.id()));
  }

  /** Records a delivery; false if this relay's lease was lost meanwhile. */
  Mono<Boolean> delivered(long id, UUID relay, Instant now) {
    return db.sql(
            "UPDATE outbox SET delivered_at = :now, attempts = attempts + 1, locked_until = NULL,"
                + " claimed_by = NULL, last_error = NULL"
                + " WHERE id = :id AND claimed_by = :relay AND delivered_at IS NULL")
        .bind("now", utc(now))
        .bind("id", id)
        .bind("relay", relay)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  /**
   * Records a failed attempt: the event is retried at {@code next}, or, when {@code next} is null,
   * given up on now.
   */
  Mono<Boolean> failed(long id, UUID relay, Instant now, Instant next, String error) {
    String sql =
        next == null
            ? "UPDATE outbox SET attempts = attempts + 1, last_error = :error, locked_until = NULL,"
                + " claimed_by = NULL, dead_at = :now"
                + " WHERE id = :id AND claimed_by = :relay AND delivered_at IS NULL"
            : "UPDATE outbox SET attempts = attempts + 1, last_error = :error, locked_until = NULL,"
                + " claimed_by = NULL, next_attempt_at = :next"
                + " WHERE id = :id AND claimed_by = :relay AND delivered_at IS NULL";
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(sql).bind("error", truncate(error)).bind("id", id).bind("relay", relay);
    spec = next == null ? spec.bind("now", utc(now)) : spec.bind("next", utc(next));
    return spec.fetch().rowsUpdated().map(n -> n == 1);
  }

  /** Makes a dead or waiting event due again now; false if it is delivered or unknown. */
  Mono<Boolean> retryNow(long id, String channel, Instant now) {
    return db.sql(
            "UPDATE outbox SET dead_at = NULL, next_attempt_at = :now"
                + " WHERE id = :id AND channel = :channel AND delivered_at IS NULL")
        .bind("now", utc(now))
        .bind("id", id)
        .bind("channel", channel)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  private OutboxEvent event(Readable row) {
    Json payload = row.get("payload", Json.class);
    try {
      return new OutboxEvent(
          row.get("id", Long.class),
          row.get("event_id", UUID.class),
          row.get("store_id", UUID.class),
          row.get("channel", String.class),
          row.get("event_type", String.class),
          row.get("ordering_key", String.class),
          json.readTree(payload.asString()),
          row.get("created_at", OffsetDateTime.class).toInstant(),
          row.get("attempts", Integer.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an outbox payload is not JSON", e);
    }
  }

  static String truncate(String error) {
    String text = error == null || error.isBlank() ? "unknown error" : error;
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
