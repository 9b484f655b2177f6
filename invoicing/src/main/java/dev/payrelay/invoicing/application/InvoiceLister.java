package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Violation;
import dev.payrelay.invoicing.persistence.InvoiceFilter;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.PageCursor;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** {@code GET /v1/invoices}: filters, and keyset pages newest first. */
final class InvoiceLister {

  private final DatabaseClient db;
  private final InvoiceRepository invoices;
  private final PaymentRepository payments;

  InvoiceLister(DatabaseClient db, InvoiceRepository invoices, PaymentRepository payments) {
    this.db = db;
    this.invoices = invoices;
    this.payments = payments;
  }

  Mono<InvoicePage> list(UUID storeId, InvoiceQuery query, Instant now) {
    InvoiceFilter filter = filter(query, now);
    return invoices
        .page(db, storeId, filter)
        .collectList()
        .flatMap(
            rows -> {
              boolean more = rows.size() > query.limit();
              List<InvoiceRecord> page = more ? rows.subList(0, query.limit()) : rows;
              Optional<String> next =
                  more
                      ? Optional.of(
                          new PageCursor(
                                  page.get(page.size() - 1).createdAt(),
                                  page.get(page.size() - 1).id())
                              .encode())
                      : Optional.empty();
              return invoices
                  .lines(db, page)
                  .zipWith(payments.ofInvoices(db, page))
                  .map(
                      t -> {
                        List<Invoice> data = new ArrayList<>(page.size());
                        for (InvoiceRecord r : page) {
                          data.add(
                              r.toInvoice(
                                  t.getT1().getOrDefault(r.id(), List.of()),
                                  InvoiceService.evaluate(
                                      r, t.getT2().getOrDefault(r.id(), List.of()), now)));
                        }
                        return new InvoicePage(data, next);
                      });
            });
  }

  /** The query as a filter with one extra row (to know whether a next page exists). */
  private static InvoiceFilter filter(InvoiceQuery query, Instant now) {
    List<Violation> violations = new ArrayList<>();
    if (query.limit() < 1 || query.limit() > InvoiceQuery.MAX_LIMIT) {
      violations.add(new Violation("limit", "must be between 1 and " + InvoiceQuery.MAX_LIMIT));
    }
    Optional<PageCursor> after = Optional.empty();
    if (query.cursor() != null && query.cursor().isPresent()) {
      after = PageCursor.decode(query.cursor().get());
      if (after.isEmpty()) {
        violations.add(
            new Violation("cursor", "is not a cursor of this list; pass a nextCursor as given"));
      }
    }
    Optional<Instant> from = orEmpty(query.createdFrom());
    Optional<Instant> to = orEmpty(query.createdTo());
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      violations.add(new Violation("createdTo", "must be after createdFrom"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInvoiceException(violations);
    }
    return new InvoiceFilter(
        orEmpty(query.status()), from, to, orEmpty(query.orderId()), after, query.limit() + 1, now);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return value == null ? Optional.empty() : value;
  }
}
