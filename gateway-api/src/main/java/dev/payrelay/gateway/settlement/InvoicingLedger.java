package dev.payrelay.gateway.settlement;

import dev.payrelay.invoicing.chain.ObservationApplier;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import dev.payrelay.settlement.InvoiceLedger;
import dev.payrelay.settlement.LedgerInvoice;
import dev.payrelay.settlement.LedgerOutcome;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.verify.Verification;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchCursor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The settlement engine's view of this node's invoices, over {@code invoicing}. A transfer the
 * network verified is applied exactly as the chain watcher and the checkout's "I have paid" form
 * apply theirs: one observation through the same {@link ObservationApplier} (invoice locked,
 * payment claimed by its unique key, status re-evaluated, outbox events written), in one
 * transaction. Whether it was applied is read back in that transaction: the payment row names its
 * invoice, so a transfer claimed by another invoice is {@link LedgerOutcome.NotMatching} and one
 * applied before is {@link LedgerOutcome.Duplicate}.
 */
public final class InvoicingLedger implements InvoiceLedger {
  private static final Logger LOG = LoggerFactory.getLogger(InvoicingLedger.class);

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final ObservationApplier applier;
  private final InvoiceRepository invoices = new InvoiceRepository();
  private final PaymentRepository payments = new PaymentRepository();
  private final LedgerSummaries summaries;

  public InvoicingLedger(
      DatabaseClient db, TransactionalOperator transactions, ObservationApplier applier) {
    this.db = db;
    this.transactions = transactions;
    this.applier = applier;
    this.summaries = new LedgerSummaries(db);
  }

  @Override
  public Mono<Optional<LedgerInvoice>> find(UUID invoiceId) {
    return invoices
        .findAnyStore(db, invoiceId)
        .flatMap(
            invoice ->
                summaries
                    .of(invoice)
                    .map(summary -> new LedgerInvoice(invoice.expectations(), summary)))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /**
   * The claim of a payment of this node's invoice, as a receipt lists it (with its route); empty if
   * the invoice has no such payment that counts.
   */
  Mono<Optional<TransferClaim>> claim(UUID invoiceId, Transfer.Key key) {
    return invoices
        .findAnyStore(db, invoiceId)
        .flatMap(summaries::of)
        .map(
            summary ->
                summary.transfers().stream()
                    .filter(
                        t ->
                            t.chain().equals(key.chain())
                                && t.tx().equals(key.tx())
                                && t.logIndex().orElse(Transfer.NATIVE_VALUE) == key.logIndex())
                    .findFirst())
        .defaultIfEmpty(Optional.empty());
  }

  @Override
  public Mono<LedgerOutcome> apply(UUID invoiceId, Verification.Verified verified) {
    Transfer transfer = verified.transfer();
    return transactions.transactional(
        invoices
            .lockAll(db, Set.of(invoiceId))
            .next()
            .flatMap(invoice -> applyLocked(invoice, verified))
            .switchIfEmpty(
                Mono.fromSupplier(
                    () -> new LedgerOutcome.NotMatching("this node has no invoice " + invoiceId)))
            .doOnNext(
                outcome -> {
                  if (outcome instanceof LedgerOutcome.NotMatching refused) {
                    LOG.info(
                        "transfer {} not applied to invoice {}: {}",
                        transfer.key(),
                        invoiceId,
                        refused.reason());
                  }
                }));
  }

  private Mono<LedgerOutcome> applyLocked(InvoiceRecord invoice, Verification.Verified verified) {
    Transfer transfer = verified.transfer();
    if (!transfer.asset().equals(invoice.currency())) {
      return Mono.just(
          new LedgerOutcome.NotMatching(
              "the invoice is payable in "
                  + invoice.currency().caip19()
                  + ", the transfer moved "
                  + transfer.asset().caip19()));
    }
    return payments
        .owner(db, transfer.key())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            owner -> {
              if (owner.isPresent()) {
                return owner.get().equals(invoice.id())
                    ? summaries.of(invoice).map(LedgerOutcome.Duplicate::new)
                    : Mono.just(anotherInvoice());
              }
              return applier
                  .apply(batch(invoice, verified), db)
                  .then(payments.owner(db, transfer.key()))
                  .filter(invoice.id()::equals)
                  .flatMap(
                      applied ->
                          invoices
                              .findAnyStore(db, invoice.id())
                              .flatMap(summaries::of)
                              .<LedgerOutcome>map(LedgerOutcome.Applied::new))
                  .switchIfEmpty(Mono.fromSupplier(InvoicingLedger::anotherInvoice));
            });
  }

  private static LedgerOutcome anotherInvoice() {
    return new LedgerOutcome.NotMatching("the transfer is applied to another invoice");
  }

  /** The verified transfer as one watcher observation, at the head the verifier saw. */
  private static WatchBatch batch(InvoiceRecord invoice, Verification.Verified verified) {
    Transfer transfer = verified.transfer();
    String key = invoice.id().toString();
    PaymentObservation observation =
        verified.finalized()
            ? new PaymentObservation.Finalized(transfer, key)
            : new PaymentObservation.Confirmed(transfer, key, verified.confirmations());
    Checkpoint head =
        new Checkpoint(
            transfer.blockNumber() + Math.max(verified.confirmations(), 1) - 1,
            transfer.blockHash());
    return new WatchBatch(transfer.chain(), List.of(observation), WatchCursor.at(head));
  }
}
