package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.InvoiceEvents;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/invoices/{id}/void}: under the invoice row's lock, only an invoice that is OPEN
 * now (re-evaluated against the clock) becomes VOID, with {@code invoice.voided} in the outbox. Its
 * watch closes unless a payment of it may still change on chain.
 */
final class InvoiceVoider {

  private final Transactions transactions;
  private final InvoiceRepository invoices;
  private final PaymentRepository payments;
  private final InvoiceOutbox outbox;
  private final ExpectationRegistry expectations;

  InvoiceVoider(
      Transactions transactions,
      InvoiceRepository invoices,
      PaymentRepository payments,
      InvoiceOutbox outbox,
      ExpectationRegistry expectations) {
    this.transactions = transactions;
    this.invoices = invoices;
    this.payments = payments;
    this.outbox = outbox;
    this.expectations = expectations;
  }

  private record Voided(InvoiceRecord invoice, boolean watchClosed) {}

  Mono<Invoice> voidInvoice(UUID storeId, UUID invoiceId, Instant now) {
    DatabaseClient tx = transactions.db();
    Mono<Voided> work =
        invoices
            .lock(tx, storeId, invoiceId)
            .flatMap(
                stored ->
                    payments.of(tx, stored).flatMap(paid -> voidLocked(tx, stored, paid, now)));
    return transactions
        .committed(work)
        .doOnNext(
            v -> {
              if (v.watchClosed()) {
                expectations.close(invoiceId.toString());
              }
            })
        .flatMap(
            v ->
                invoices
                    .lines(tx, List.of(v.invoice()))
                    .map(
                        lines ->
                            v.invoice()
                                .toInvoice(
                                    lines.getOrDefault(invoiceId, List.of()),
                                    v.invoice().evaluation())));
  }

  private Mono<Voided> voidLocked(
      DatabaseClient tx, InvoiceRecord stored, List<Payment> paid, Instant now) {
    Evaluation current = InvoiceService.evaluate(stored, paid, now);
    if (!current.status().canVoid()) {
      return Mono.error(
          new InvoiceStateException(
              "invoice "
                  + Invoice.humanNumber(stored.number())
                  + " is "
                  + current.status()
                  + "; only an OPEN invoice can be voided"));
    }
    InvoiceRecord voided = stored.voided(now);
    Evaluation after = InvoiceService.evaluate(voided, paid, now);
    InvoiceRecord saved = voided.withEvaluation(after, now);
    List<InvoiceEventType> events =
        new ArrayList<>(InvoiceEvents.between(stored.evaluation(), current));
    events.addAll(InvoiceEvents.between(current, after));
    boolean closeWatch = WatchRules.settled(paid);
    return invoices
        .saveState(tx, saved)
        .then(outbox.invoiceEvents(tx, InvoiceSummary.of(saved), events))
        .then(closeWatch ? invoices.closeWatch(tx, List.of(saved.id()), now) : Mono.empty())
        .thenReturn(new Voided(saved, closeWatch));
  }
}
