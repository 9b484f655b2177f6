package dev.payrelay.gateway.export;

import dev.payrelay.invoicing.domain.Invoice;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/** Reads a store's invoices, or their payments, as CSV lines, oldest invoice first, streamed. */
final class InvoiceExport {

  static final List<String> INVOICE_COLUMNS =
      List.of(
          "invoice_id",
          "number",
          "created_at",
          "status",
          "exception",
          "chain_id",
          "currency",
          "decimals",
          "asset",
          "subtotal_base_units",
          "discount_base_units",
          "tax_base_units",
          "total_base_units",
          "total",
          "paid_base_units",
          "paid",
          "confirmed_base_units",
          "confirmed",
          "due_base_units",
          "due",
          "order_id",
          "buyer_name",
          "buyer_email",
          "expires_at",
          "voided_at");

  static final List<String> PAYMENT_COLUMNS =
      List.of(
          "invoice_id",
          "invoice_number",
          "chain_id",
          "currency",
          "decimals",
          "tx_hash",
          "log_index",
          "state",
          "amount_base_units",
          "amount",
          "block_number",
          "confirmations",
          "first_seen_at");

  private static final String FILTERS =
      " WHERE i.store_id = :store"
          + " AND (CAST(:status AS TEXT) IS NULL OR i.status = :status)"
          + " AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR i.created_at >= :from)"
          + " AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR i.created_at < :to)"
          + " AND (CAST(:orderId AS TEXT) IS NULL OR i.order_id = :orderId)";

  private final DatabaseClient db;

  InvoiceExport(DatabaseClient db) {
    this.db = db;
  }

  /** The header line, then one line per row. */
  Flux<String> lines(UUID store, ExportQuery query) {
    Flux<String> rows =
        query.payments()
            ? bind(
                    db.sql(
                        "SELECT p.invoice_id, i.number, p.chain_id, i.currency_symbol,"
                            + " i.currency_decimals, p.tx_hash, p.log_index, p.state, p.amount,"
                            + " p.block_number, p.confirmations, p.first_seen_at"
                            + " FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id"
                            + FILTERS
                            + " ORDER BY i.created_at, i.id, p.first_seen_at, p.tx_hash,"
                            + " p.log_index"),
                    store,
                    query)
                .map(InvoiceExport::payment)
                .all()
            : bind(
                    db.sql(
                        "SELECT i.id, i.number, i.created_at, i.status, i.exception_status,"
                            + " i.chain_id, i.currency_symbol, i.currency_decimals, i.asset,"
                            + " i.subtotal, i.discount_total, i.tax_total, i.total,"
                            + " i.amount_seen, i.amount_confirmed, i.amount_due, i.order_id,"
                            + " i.buyer_name, i.buyer_email, i.expires_at, i.voided_at"
                            + " FROM invoices i"
                            + FILTERS
                            + " ORDER BY i.created_at, i.id"),
                    store,
                    query)
                .map(InvoiceExport::invoice)
                .all();
    return Flux.concat(
        Flux.just(Csv.line(query.payments() ? PAYMENT_COLUMNS : INVOICE_COLUMNS)), rows);
  }

  private static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, UUID store, ExportQuery query) {
    return spec.bind("store", store)
        .bind("status", nullable(query.status(), String.class))
        .bind("from", nullable(query.createdFrom(), Instant.class))
        .bind("to", nullable(query.createdTo(), Instant.class))
        .bind("orderId", nullable(query.orderId(), String.class));
  }

  private static String invoice(Readable row) {
    int decimals = row.get("currency_decimals", Integer.class);
    List<Object> cells =
        new ArrayList<>(
            Arrays.asList(
                row.get("id", UUID.class),
                Invoice.humanNumber(row.get("number", Long.class)),
                row.get("created_at", Instant.class),
                upper(row.get("status", String.class)),
                upper(row.get("exception_status", String.class)),
                row.get("chain_id", Long.class),
                row.get("currency_symbol", String.class),
                decimals,
                row.get("asset", String.class),
                base(row, "subtotal"),
                base(row, "discount_total"),
                base(row, "tax_total")));
    for (String amount : List.of("total", "amount_seen", "amount_confirmed", "amount_due")) {
      BigInteger base = base(row, amount);
      cells.add(base);
      cells.add(Csv.decimal(base, decimals));
    }
    cells.addAll(
        Arrays.asList(
            row.get("order_id", String.class),
            row.get("buyer_name", String.class),
            row.get("buyer_email", String.class),
            row.get("expires_at", Instant.class),
            row.get("voided_at", Instant.class)));
    return Csv.line(cells);
  }

  private static String payment(Readable row) {
    int decimals = row.get("currency_decimals", Integer.class);
    BigInteger amount = base(row, "amount");
    return Csv.line(
        Arrays.asList(
            row.get("invoice_id", UUID.class),
            Invoice.humanNumber(row.get("number", Long.class)),
            row.get("chain_id", Long.class),
            row.get("currency_symbol", String.class),
            decimals,
            row.get("tx_hash", String.class),
            row.get("log_index", Long.class),
            upper(row.get("state", String.class)),
            amount,
            Csv.decimal(amount, decimals),
            row.get("block_number", Long.class),
            row.get("confirmations", Long.class),
            row.get("first_seen_at", Instant.class)));
  }

  private static BigInteger base(Readable row, String column) {
    return row.get(column, BigDecimal.class).toBigIntegerExact();
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }

  /** {@code value}, or a typed null of {@code type}. */
  private static Object nullable(Object value, Class<?> type) {
    return value == null ? Parameters.in(type) : value;
  }
}
