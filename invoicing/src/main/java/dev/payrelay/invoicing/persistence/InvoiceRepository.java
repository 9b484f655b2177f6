package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PaymentMethod;
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

  /** Inserts {@code invoice} and its {@code lines} in one statement. */
  public Mono<Void> insert(DatabaseClient db, InvoiceRecord invoice, List<PricedLine> lines) {
    String sql =
        "WITH invoice AS (INSERT INTO invoices (id, store_id, number, chain_id, asset,"
            + " currency_symbol, currency_decimals, currency_contract, subtotal, discount_total,"
            + " tax_total, total, buyer_name, buyer_email, memo, order_id, metadata,"
            + " payment_methods, pay_token, payment_reference, reference_topic,"
            + " reference_recipient, reference_proxy, deposit_address, deposit_index, status,"
            + " exception_status, amount_seen, amount_confirmed, amount_due, expires_at,"
            + " created_at, updated_at) VALUES (:id, :store, :number, :chain, :asset, :symbol,"
            + " :decimals, :contract, :subtotal, :discount, :tax, :total, :buyerName,"
            + " :buyerEmail, :memo, :orderId, :metadata, :methods, :payToken, :reference,"
            + " :topic, :recipient, :proxy, :deposit, :depositIndex, :status, :exception,"
            + " :seen, :confirmed, :due, :expiresAt, :createdAt, :updatedAt) RETURNING id), "
            + LineRows.insertCte(lines.size())
            + " SELECT id FROM invoice";
    Asset currency = invoice.currency();
    Nullable spec =
        new Nullable(db.sql(sql))
            .bind("id", invoice.id())
            .bind("store", invoice.storeId())
            .bind("number", invoice.number())
            .bind("chain", currency.chain().value())
            .bind("asset", currency.caip19())
            .bind("symbol", currency.symbol())
            .bind("decimals", currency.decimals())
            .bind(
                "contract",
                currency instanceof Asset.Erc20 token ? token.contract().toLowerHex() : null,
                String.class)
            .bind("subtotal", InvoiceRows.units(invoice.subtotal()))
            .bind("discount", InvoiceRows.units(invoice.discountTotal()))
            .bind("tax", InvoiceRows.units(invoice.taxTotal()))
            .bind("total", InvoiceRows.units(invoice.total()))
            .bind("buyerName", invoice.buyer().name(), String.class)
            .bind("buyerEmail", invoice.buyer().email(), String.class)
            .bind("memo", invoice.memo(), String.class)
            .bind("orderId", invoice.orderId(), String.class)
            .bind("metadata", InvoiceRows.metadataJson(invoice.metadata()))
            .bind(
                "methods",
                invoice.methods().stream().map(PaymentMethod::wireName).toArray(String[]::new))
            .bind("payToken", invoice.payToken());
    InvoiceRecord.Reference reference = invoice.reference().orElse(null);
    InvoiceRecord.Deposit deposit = invoice.deposit().orElse(null);
    spec =
        spec.bind("reference", reference == null ? null : reference.reference().hex(), String.class)
            .bind(
                "topic",
                reference == null ? null : reference.reference().topicHashHex(),
                String.class)
            .bind(
                "recipient",
                reference == null ? null : reference.recipient().toLowerHex(),
                String.class)
            .bind("proxy", reference == null ? null : reference.proxy().toLowerHex(), String.class)
            .bind("deposit", deposit == null ? null : deposit.address().toLowerHex(), String.class)
            .bind("depositIndex", deposit == null ? null : deposit.index(), Long.class)
            .bind("expiresAt", invoice.expiresAt())
            .bind("createdAt", invoice.createdAt());
    DatabaseClient.GenericExecuteSpec statement = EvaluationColumns.bind(spec, invoice).spec();
    return LineRows.bind(statement, lines).then();
  }

  /** The store's invoice, or empty. */
  public Mono<InvoiceRecord> find(DatabaseClient db, UUID storeId, UUID id) {
    return db.sql(SELECT + " WHERE id = :id AND store_id = :store")
        .bind("id", id)
        .bind("store", storeId)
        .map(InvoiceRows::read)
        .one();
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
