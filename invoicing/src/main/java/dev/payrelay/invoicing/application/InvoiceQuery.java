package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Filters and a page of {@code GET /v1/invoices}. Pages are in a stable order (newest first, ties
 * broken by id) and continue from an opaque cursor.
 *
 * @param limit 1 to {@link #MAX_LIMIT}
 */
public record InvoiceQuery(
    Optional<InvoiceStatus> status,
    Optional<Instant> createdFrom,
    Optional<Instant> createdTo,
    Optional<String> orderId,
    int limit,
    Optional<String> cursor) {

  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 100;
}
