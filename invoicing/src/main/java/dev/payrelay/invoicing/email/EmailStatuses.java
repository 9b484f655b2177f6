package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.outbox.EmailOutbox;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads the emails of invoices from their outbox rows (index {@code outbox_emails_by_key}, V7). */
final class EmailStatuses {

  /** The emails of each of {@code invoiceIds} (of {@code storeId}), oldest first. */
  Mono<Map<UUID, List<EmailStatus>>> of(
      DatabaseClient db, UUID storeId, Collection<UUID> invoiceIds) {
    if (invoiceIds.isEmpty()) {
      return Mono.just(Map.of());
    }
    String[] keys = invoiceIds.stream().map(EmailOutbox::orderingKey).toArray(String[]::new);
    return db.sql(
            "SELECT ordering_key, payload->>'kind' AS kind, payload->>'to' AS recipient, attempts,"
                + " last_error, delivered_at, dead_at, created_at FROM outbox"
                + " WHERE channel = :channel AND ordering_key = ANY(:keys) AND store_id = :store"
                + " ORDER BY id")
        .bind("channel", EmailOutbox.CHANNEL)
        .bind("keys", keys)
        .bind("store", storeId)
        .map((row, meta) -> Map.entry(invoiceId(row), read(row)))
        .all()
        .collectList()
        .map(EmailStatuses::group);
  }

  private static Map<UUID, List<EmailStatus>> group(List<Map.Entry<UUID, EmailStatus>> rows) {
    Map<UUID, List<EmailStatus>> out = new LinkedHashMap<>();
    for (Map.Entry<UUID, EmailStatus> e : rows) {
      out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
    return out;
  }

  private static UUID invoiceId(Readable row) {
    return UUID.fromString(
        row.get("ordering_key", String.class).substring(EmailOutbox.KEY_PREFIX.length()));
  }

  private static EmailStatus read(Readable row) {
    Optional<Instant> sent = instant(row, "delivered_at");
    EmailStatus.State state =
        sent.isPresent()
            ? EmailStatus.State.SENT
            : instant(row, "dead_at").isPresent()
                ? EmailStatus.State.FAILED
                : EmailStatus.State.QUEUED;
    return new EmailStatus(
        EmailOutbox.Kind.ofWireName(row.get("kind", String.class)),
        row.get("recipient", String.class),
        state,
        row.get("attempts", Integer.class),
        Optional.ofNullable(row.get("last_error", String.class)),
        sent,
        instant(row, "created_at").orElseThrow());
  }

  private static Optional<Instant> instant(Readable row, String column) {
    return Optional.ofNullable(row.get(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
