package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** One page of a store's invoices, newest first, by keyset on {@code (created_at, id)}. */
final class InvoicePageQuery {

  private InvoicePageQuery() {}

  static Flux<InvoiceRecord> run(DatabaseClient db, UUID storeId, InvoiceFilter filter) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(InvoiceRows.COLUMNS)
            .append(" FROM invoices WHERE store_id = :store");
    filter.status().ifPresent(s -> sql.append(statusCondition(s)));
    filter.createdFrom().ifPresent(f -> sql.append(" AND created_at >= :from"));
    filter.createdTo().ifPresent(t -> sql.append(" AND created_at < :to"));
    filter.orderId().ifPresent(o -> sql.append(" AND order_id = :orderId"));
    filter.after().ifPresent(a -> sql.append(" AND (created_at, id) < (:afterAt, :afterId)"));
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");

    DatabaseClient.GenericExecuteSpec spec =
        db.sql(sql.toString()).bind("store", storeId).bind("limit", filter.limit());
    if (filter.status().isPresent()) {
      InvoiceStatus status = filter.status().get();
      if (status == InvoiceStatus.OPEN || status == InvoiceStatus.EXPIRED) {
        spec = spec.bind("now", filter.now());
      } else {
        spec = spec.bind("status", Wire.of(status));
      }
    }
    if (filter.createdFrom().isPresent()) {
      spec = spec.bind("from", filter.createdFrom().get());
    }
    if (filter.createdTo().isPresent()) {
      spec = spec.bind("to", filter.createdTo().get());
    }
    if (filter.orderId().isPresent()) {
      spec = spec.bind("orderId", filter.orderId().get());
    }
    if (filter.after().isPresent()) {
      spec =
          spec.bind("afterAt", filter.after().get().createdAt())
              .bind("afterId", filter.after().get().id());
    }
    return spec.map(InvoiceRows::read).all();
  }

  /** Only the clock moves an invoice from OPEN to EXPIRED without a write; see the filter. */
  private static String statusCondition(InvoiceStatus status) {
    if (status == InvoiceStatus.OPEN) {
      return " AND status = 'open' AND expires_at > :now";
    }
    if (status == InvoiceStatus.EXPIRED) {
      return " AND (status = 'expired' OR (status = 'open' AND expires_at <= :now))";
    }
    return " AND status = :status";
  }
}
