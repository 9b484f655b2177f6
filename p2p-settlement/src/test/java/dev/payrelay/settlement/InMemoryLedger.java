package dev.payrelay.settlement;

import dev.payrelay.settlement.message.InvoiceSummary;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.verify.Verification;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A home node's invoices in memory, a test double of the gateway's ledger over invoicing: a
 * transfer key is applied to at most one invoice (the map plays the unique constraint), and every
 * application is counted.
 */
final class InMemoryLedger implements InvoiceLedger {
  private record Invoice(Expectation expectation, BigInteger total, List<TransferClaim> applied) {}

  private final Map<UUID, Invoice> invoices = new HashMap<>();
  private final Map<Transfer.Key, UUID> appliedTo = new HashMap<>();
  final AtomicInteger applications = new AtomicInteger();

  synchronized void add(UUID id, Expectation expectation, BigInteger total) {
    invoices.put(id, new Invoice(expectation, total, new ArrayList<>()));
  }

  @Override
  public synchronized Mono<Optional<LedgerInvoice>> find(UUID invoiceId) {
    Invoice invoice = invoices.get(invoiceId);
    return Mono.just(
        Optional.ofNullable(invoice)
            .map(i -> new LedgerInvoice(List.of(i.expectation()), summary(invoiceId, i))));
  }

  @Override
  public synchronized Mono<LedgerOutcome> apply(UUID invoiceId, Verification.Verified verified) {
    Invoice invoice = invoices.get(invoiceId);
    Transfer transfer = verified.transfer();
    UUID owner = appliedTo.get(transfer.key());
    if (invoice == null || (owner != null && !owner.equals(invoiceId))) {
      return Mono.just(new LedgerOutcome.NotMatching("applied to another invoice already"));
    }
    if (owner != null) {
      return Mono.just(new LedgerOutcome.Duplicate(summary(invoiceId, invoice)));
    }
    appliedTo.put(transfer.key(), invoiceId);
    invoice.applied().add(TransferClaim.of(transfer));
    applications.incrementAndGet();
    return Mono.just(new LedgerOutcome.Applied(summary(invoiceId, invoice)));
  }

  synchronized int appliedCount(UUID invoiceId) {
    return invoices.get(invoiceId).applied().size();
  }

  private static InvoiceSummary summary(UUID id, Invoice invoice) {
    BigInteger paid =
        invoice.applied().stream()
            .map(TransferClaim::amount)
            .reduce(BigInteger.ZERO, BigInteger::add);
    ReceiptStatus status =
        paid.compareTo(invoice.total()) >= 0
            ? ReceiptStatus.PAID
            : paid.signum() > 0 ? ReceiptStatus.PROCESSING : ReceiptStatus.OPEN;
    return new InvoiceSummary(
        id, invoice.expectation().asset(), invoice.total(), paid, status, invoice.applied());
  }
}
