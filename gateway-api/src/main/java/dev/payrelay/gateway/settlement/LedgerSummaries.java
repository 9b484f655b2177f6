package dev.payrelay.gateway.settlement;

import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.settlement.message.InvoiceSummary;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * An invoice as a settlement receipt vouches for it: its currency, total, what counts as paid, its
 * status, and every transfer that counts with the route it came by, in the order the node first saw
 * them. The same invoice always gives the same summary, so the same digest.
 */
final class LedgerSummaries {
  private final DatabaseClient db;

  LedgerSummaries(DatabaseClient db) {
    this.db = db;
  }

  Mono<InvoiceSummary> of(InvoiceRecord invoice) {
    return db.sql(
            "SELECT tx_hash, log_index, amount, method FROM invoice_payments"
                + " WHERE invoice_id = :invoice AND state <> 'removed'"
                + " ORDER BY first_seen_at, chain_id, tx_hash, log_index")
        .bind("invoice", invoice.id())
        .map(
            row ->
                claim(
                    invoice,
                    row.get("tx_hash", String.class),
                    row.get("log_index", Long.class),
                    row.get("amount", BigDecimal.class).toBigIntegerExact(),
                    row.get("method", String.class)))
        .all()
        .collectList()
        .map(transfers -> summary(invoice, transfers));
  }

  private static InvoiceSummary summary(InvoiceRecord invoice, List<TransferClaim> transfers) {
    return new InvoiceSummary(
        invoice.id(),
        invoice.currency(),
        invoice.total().baseUnits(),
        invoice.evaluation().amountSeen().baseUnits(),
        ReceiptStatus.valueOf(invoice.evaluation().status().name()),
        transfers);
  }

  private static TransferClaim claim(
      InvoiceRecord invoice, String tx, long logIndex, BigInteger amount, String method) {
    return new TransferClaim(
        invoice.currency().chain(),
        TxHash.parse(tx),
        OptionalLong.of(logIndex),
        invoice.currency(),
        route(invoice, logIndex, method),
        amount);
  }

  /**
   * The route of a payment: by its recorded method; for rows older than that column, the invoice's
   * only method, or a plain ether transfer (no log) to the deposit address, else the reference.
   */
  static PaymentRoute route(InvoiceRecord invoice, long logIndex, String method) {
    boolean deposit =
        method == null
            ? invoice.reference().isEmpty() || logIndex == Transfer.NATIVE_VALUE
            : method.equals("deposit");
    if (deposit && invoice.deposit().isPresent()) {
      return new PaymentRoute.ToDepositAddress(invoice.deposit().get().address());
    }
    InvoiceRecord.Reference reference = invoice.reference().orElseThrow();
    return new PaymentRoute.ByReference(reference.recipient(), reference.reference().topicHash());
  }
}
