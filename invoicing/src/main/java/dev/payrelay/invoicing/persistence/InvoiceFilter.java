package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Which of a store's invoices a page holds. The status is the current one at {@code now}: an OPEN
 * invoice past its expiry counts as EXPIRED even before the expiry job has persisted it.
 *
 * @param createdFrom inclusive
 * @param createdTo exclusive
 * @param after the cursor of the previous page
 * @param limit at most this many invoices
 */
public record InvoiceFilter(
    Optional<InvoiceStatus> status,
    Optional<Instant> createdFrom,
    Optional<Instant> createdTo,
    Optional<String> orderId,
    Optional<PageCursor> after,
    int limit,
    Instant now) {}
