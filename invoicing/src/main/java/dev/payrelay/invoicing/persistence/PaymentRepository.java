package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The {@code invoice_payments} table: on-chain transfers applied to invoices. Its primary key
 * {@code (chain_id, tx_hash, log_index)} applies a transfer to at most one invoice, ever. Every
 * method takes part in the caller's transaction through {@code db}.
 */
public final class PaymentRepository {

  /**
   * A payment's confirmations are counted from the watcher's checkpoint of its chain when there is
   * one (they grow with every block without a new observation), else as last observed.
   */
  private static final String SELECT =
      "SELECT p.invoice_id, p.chain_id, p.tx_hash, p.log_index, p.amount, p.state,"
          + " p.block_number, p.first_seen_at, CASE WHEN p.state = 'removed' THEN 0"
          + " ELSE GREATEST(p.confirmations, COALESCE(c.block_number - p.block_number + 1, 0))"
          + " END AS confirmations"
          + " FROM invoice_payments p LEFT JOIN chain_watch_cursors c ON c.chain_id = p.chain_id";

  /** The payments of each of {@code invoices}, oldest first, by invoice id. */
  public Mono<Map<UUID, List<Payment>>> ofInvoices(
      DatabaseClient db, Collection<InvoiceRecord> invoices) {
    return byInvoice(db, InvoiceRepository.currencies(invoices));
  }

  private Mono<Map<UUID, List<Payment>>> byInvoice(DatabaseClient db, Map<UUID, Asset> currencies) {
    if (currencies.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            SELECT
                + " WHERE p.invoice_id = ANY(:ids)"
                + " ORDER BY p.first_seen_at, p.tx_hash, p.log_index")
        .bind("ids", currencies.keySet().toArray(UUID[]::new))
        .map(
            row -> {
              UUID id = row.get("invoice_id", UUID.class);
              return Map.entry(id, read(row, currencies.get(id)));
            })
        .all()
        .<Map<UUID, List<Payment>>>collect(
            HashMap::new,
            (map, e) -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
  }

  /** The payments of {@code invoice}, oldest first. */
  public Mono<List<Payment>> of(DatabaseClient db, InvoiceRecord invoice) {
    return byInvoice(db, Map.of(invoice.id(), invoice.currency()))
        .map(all -> all.getOrDefault(invoice.id(), List.of()));
  }

  /**
   * Records {@code transfer} as a payment of {@code invoiceId} unless that transfer is already
   * recorded; answers the invoice the transfer belongs to (perhaps another one).
   */
  public Mono<UUID> claim(
      DatabaseClient db,
      UUID invoiceId,
      Transfer transfer,
      PaymentState state,
      long confirmations,
      Instant now) {
    return db.sql(
            "INSERT INTO invoice_payments (chain_id, tx_hash, log_index, invoice_id, amount, state,"
                + " block_number, block_hash, confirmations, first_seen_at, updated_at, method)"
                + " VALUES (:chain, :tx, :log, :invoice, :amount, :state, :number, :hash,"
                + " :confirmations, :now, :now, :method)"
                + " ON CONFLICT (chain_id, tx_hash, log_index) DO NOTHING")
        .bind("chain", transfer.chain().value())
        .bind("tx", transfer.tx().toString())
        .bind("log", transfer.logIndex())
        .bind("invoice", invoiceId)
        .bind("amount", InvoiceRows.units(transfer.amount()))
        .bind("state", Wire.of(state))
        .bind("number", transfer.blockNumber())
        .bind("hash", transfer.blockHash())
        .bind("confirmations", confirmations)
        .bind("now", now)
        .bind("method", method(transfer.route()))
        .then()
        .then(owner(db, transfer.key()));
  }

  /** The {@code method} column's word for how {@code route} reaches the invoice. */
  public static String method(PaymentRoute route) {
    return route instanceof PaymentRoute.ByReference ? "reference" : "deposit";
  }

  /** The invoice the transfer {@code key} is applied to; empty if none. */
  public Mono<UUID> owner(DatabaseClient db, Transfer.Key key) {
    return db.sql(
            "SELECT invoice_id FROM invoice_payments"
                + " WHERE chain_id = :chain AND tx_hash = :tx AND log_index = :log")
        .bind("chain", key.chain().value())
        .bind("tx", key.tx().toString())
        .bind("log", key.logIndex())
        .map(row -> row.get("invoice_id", UUID.class))
        .one();
  }

  /** Moves a recorded payment of {@code invoiceId} to {@code state}, in the transfer's block. */
  public Mono<Void> update(
      DatabaseClient db,
      UUID invoiceId,
      Transfer transfer,
      PaymentState state,
      long confirmations,
      Instant now) {
    Transfer.Key key = transfer.key();
    return db.sql(
            "UPDATE invoice_payments SET state = :state, block_number = :number,"
                + " block_hash = :hash, confirmations = :confirmations, updated_at = :now"
                + " WHERE chain_id = :chain AND tx_hash = :tx AND log_index = :log"
                + " AND invoice_id = :invoice")
        .bind("state", Wire.of(state))
        .bind("number", transfer.blockNumber())
        .bind("hash", transfer.blockHash())
        .bind("confirmations", confirmations)
        .bind("now", now)
        .bind("chain", key.chain().value())
        .bind("tx", key.tx().toString())
        .bind("log", key.logIndex())
        .bind("invoice", invoiceId)
        .then();
  }

  private static Payment read(Readable row, Asset currency) {
    return new Payment(
        new Transfer.Key(
            ChainId.of(row.get("chain_id", Long.class)),
            TxHash.parse(row.get("tx_hash", String.class)),
            row.get("log_index", Long.class)),
        InvoiceRows.amount(row, "amount", currency),
        Wire.paymentState(row.get("state", String.class)),
        row.get("block_number", Long.class),
        row.get("confirmations", Long.class),
        row.get("first_seen_at", Instant.class));
  }
}
