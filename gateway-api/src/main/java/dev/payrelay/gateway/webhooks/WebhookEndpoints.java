package dev.payrelay.gateway.webhooks;

import io.r2dbc.spi.Parameters;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code webhook_endpoints} table; every query of the API is restricted to one store. */
final class WebhookEndpoints {

  static final String MANUAL = "manual";
  static final String FAILING = "failing";

  /** What {@code PATCH} changes; null fields stay as they are. */
  record Change(String url, String description, List<String> eventTypes, Boolean enabled) {}

  private final DatabaseClient db;

  WebhookEndpoints(DatabaseClient db) {
    this.db = db;
  }

  Mono<WebhookEndpoint> insert(
      UUID store,
      String url,
      String description,
      List<String> eventTypes,
      WebhookSecret secret,
      boolean enabled,
      Instant now) {
    return db.sql(
            "INSERT INTO webhook_endpoints (store_id, url, description, event_types, secret,"
                + " enabled, disabled_reason, disabled_at, created_at, updated_at) VALUES (:store,"
                + " :url, :description, :types, :secret, :enabled, :reason, :disabledAt, :now,"
                + " :now) RETURNING "
                + WebhookEndpoint.COLUMNS)
        .bind("store", store)
        .bind("url", url)
        .bind("description", description)
        .bind("types", eventTypes.toArray(String[]::new))
        .bind("secret", secret.value())
        .bind("enabled", enabled)
        .bind("reason", nullable(enabled ? null : MANUAL, String.class))
        .bind("disabledAt", nullable(enabled ? null : now, Instant.class))
        .bind("now", now)
        .map(WebhookEndpoint::of)
        .one();
  }

  /** The store's endpoints, newest first. */
  Flux<WebhookEndpoint> list(UUID store) {
    return db.sql(
            "SELECT "
                + WebhookEndpoint.COLUMNS
                + " FROM webhook_endpoints WHERE store_id = :store"
                + " ORDER BY created_at DESC, id DESC")
        .bind("store", store)
        .map(WebhookEndpoint::of)
        .all();
  }

  Mono<WebhookEndpoint> get(UUID store, UUID id) {
    return db.sql(
            "SELECT "
                + WebhookEndpoint.COLUMNS
                + " FROM webhook_endpoints WHERE store_id = :store AND id = :id")
        .bind("store", store)
        .bind("id", id)
        .map(WebhookEndpoint::of)
        .one();
  }

  /** Any store's endpoint, for delivery. */
  Mono<WebhookEndpoint> byId(UUID id) {
    return db.sql("SELECT " + WebhookEndpoint.COLUMNS + " FROM webhook_endpoints WHERE id = :id")
        .bind("id", id)
        .map(WebhookEndpoint::of)
        .one();
  }

  /**
   * Applies {@code change}. Enabling clears the reason and the failure run; disabling records the
   * merchant as the reason. Empty if the store has no such endpoint.
   */
  Mono<WebhookEndpoint> update(UUID store, UUID id, Change change, Instant now) {
    return db.sql(
            "UPDATE webhook_endpoints SET"
                + " url = COALESCE(:url, url),"
                + " description = COALESCE(:description, description),"
                + " event_types = COALESCE(:types, event_types),"
                + " disabled_reason = CASE WHEN :enabled IS NULL THEN disabled_reason"
                + "   WHEN :enabled THEN NULL"
                + "   WHEN enabled THEN 'manual' ELSE disabled_reason END,"
                + " disabled_at = CASE WHEN :enabled IS NULL THEN disabled_at"
                + "   WHEN :enabled THEN NULL"
                + "   WHEN enabled THEN :now ELSE disabled_at END,"
                + " failing_since = CASE WHEN :enabled THEN NULL ELSE failing_since END,"
                + " enabled = COALESCE(:enabled, enabled),"
                + " updated_at = :now"
                + " WHERE store_id = :store AND id = :id RETURNING "
                + WebhookEndpoint.COLUMNS)
        .bind("url", nullable(change.url(), String.class))
        .bind("description", nullable(change.description(), String.class))
        .bind(
            "types",
            nullable(
                change.eventTypes() == null ? null : change.eventTypes().toArray(String[]::new),
                String[].class))
        .bind("enabled", nullable(change.enabled(), Boolean.class))
        .bind("now", now)
        .bind("store", store)
        .bind("id", id)
        .map(WebhookEndpoint::of)
        .one();
  }

  Mono<Boolean> delete(UUID store, UUID id) {
    return db.sql("DELETE FROM webhook_endpoints WHERE store_id = :store AND id = :id")
        .bind("store", store)
        .bind("id", id)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  /** After a successful attempt: the failure run ends. */
  Mono<Void> answered(UUID id) {
    return db.sql(
            "UPDATE webhook_endpoints SET failing_since = NULL"
                + " WHERE id = :id AND failing_since IS NOT NULL")
        .bind("id", id)
        .then();
  }

  /**
   * After a failed attempt at {@code now}: starts the failure run, or, if it began at or before
   * {@code disableBefore}, disables the endpoint. True if this call disabled it.
   */
  Mono<Boolean> failed(UUID id, Instant now, Instant disableBefore) {
    return db.sql(
            "UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, :now)"
                + " WHERE id = :id AND failing_since IS NULL")
        .bind("now", now)
        .bind("id", id)
        .then()
        .then(
            db.sql(
                    "UPDATE webhook_endpoints SET enabled = FALSE, disabled_reason = 'failing',"
                        + " disabled_at = :now, updated_at = :now"
                        + " WHERE id = :id AND enabled AND failing_since <= :before")
                .bind("now", now)
                .bind("id", id)
                .bind("before", disableBefore)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0));
  }

  /** {@code value}, or a typed null of {@code type}. */
  private static Object nullable(Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : value;
  }
}
