package dev.payrelay.gateway.webhooks;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code webhook_endpoints}.
 *
 * @param disabledReason {@code manual}, {@code failing}, or null while enabled
 * @param failingSince the first failed attempt since the last success; null while it answers
 */
record WebhookEndpoint(
    UUID id,
    UUID storeId,
    String url,
    String description,
    List<String> eventTypes,
    WebhookSecret secret,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    Instant failingSince,
    Instant createdAt,
    Instant updatedAt) {

  static final String COLUMNS =
      "id, store_id, url, description, event_types, secret, enabled, disabled_reason,"
          + " disabled_at, failing_since, created_at, updated_at";

  static WebhookEndpoint of(Readable row) {
    return new WebhookEndpoint(
        row.get("id", UUID.class),
        row.get("store_id", UUID.class),
        row.get("url", String.class),
        row.get("description", String.class),
        List.of(row.get("event_types", String[].class)),
        new WebhookSecret(row.get("secret", String.class)),
        Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
        row.get("disabled_reason", String.class),
        row.get("disabled_at", Instant.class),
        row.get("failing_since", Instant.class),
        row.get("created_at", Instant.class),
        row.get("updated_at", Instant.class));
  }
}
