package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.core.Asset;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code invoices} and {@code invoice_line_items} tables. Every method takes part in the
 * caller's transaction through {@code db}; the {@code lock…} methods must run inside one.
 */
public final class InvoiceRepository {

  private static final String SELECT = "SELECT " + InvoiceRows.COLUMNS + " FROM invoices";

  /** The store's invoice, or empty. */
  public Mono<InvoiceRecord> find(DatabaseClient db, UUID storeId, UUID id) {
    return db.sql(SELECT + " WHERE id = :id AND store_id = :store")
        .bind("id", id)
        .bind("store", storeId)
        .map(InvoiceRows::read)
        .one();
  }

  /**
   * This node's invoice with {@code id}, in whichever store; empty if there is none. For the
   * settlement network, which names invoices by home node and id only.
   */
  public Mono<InvoiceRecord> findAnyStore(DatabaseClient db, UUID id) {
    return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(InvoiceRows::read).one();
  }

  /** The store's invoice, locked until the transaction ends; empty if there is none. */
  public Mono<InvoiceRecord> lock(DatabaseClient db, UUID storeId, UUID id) {
    return db.sql(SELECT + " WHERE id = :id AND store_id = :store FOR UPDATE")
        .bind("id", id)
        .bind("store", storeId)
        .map(InvoiceRows::read)
        .one();
  }

  /** The invoices {@code ids} that exist, locked in id order (so that lockers never deadlock). */
  public Flux<InvoiceRecord> lockAll(DatabaseClient db, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return db.sql(SELECT + " WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(InvoiceRows::read)
        .all();
  }

  /** One page of the store's invoices, newest first; see {@link InvoiceFilter}. */
  public Flux<InvoiceRecord> page(DatabaseClient db, UUID storeId, InvoiceFilter filter) {
    return InvoicePageQuery.run(db, storeId, filter);
  }

  /** The line items of {@code invoices}, by invoice id. */
  public Mono<Map<UUID, List<PricedLine>>> lines(
      DatabaseClient db, Collection<InvoiceRecord> invoices) {
    return LineRows.of(db, currencies(invoices));
  }

  /** Persists the evaluation, {@code updated_at} and {@code voided_at} of {@code invoice}. */
  public Mono<Void> saveState(DatabaseClient db, InvoiceRecord invoice) {
    Nullable spec =
        new Nullable(
                db.sql(
                    "UPDATE invoices SET status = :status, exception_status = :exception,"
                        + " amount_seen = :seen, amount_confirmed = :confirmed,"
                        + " amount_due = :due, updated_at = :updatedAt, voided_at = :voidedAt"
                        + " WHERE id = :id"))
            .bind("id", invoice.id())
            .bind("voidedAt", invoice.voidedAt().orElse(null), Instant.class);
    return EvaluationColumns.bind(spec, invoice).spec().then();
  }

  /** Marks the invoices {@code ids} as no longer watched on chain. */
  public Mono<Void> closeWatch(DatabaseClient db, Collection<UUID> ids, Instant now) {
    if (ids.isEmpty()) {
      return Mono.empty();
    }
    return db.sql(
            "UPDATE invoices SET watch_closed_at = :now"
                + " WHERE id = ANY(:ids) AND watch_closed_at IS NULL")
        .bind("ids", ids.toArray(UUID[]::new))
        .bind("now", now)
        .then();
  }

  static Map<UUID, Asset> currencies(Collection<InvoiceRecord> invoices) {
    return invoices.stream()
        .collect(Collectors.toMap(InvoiceRecord::id, InvoiceRecord::currency, (a, b) -> a));
  }
}
