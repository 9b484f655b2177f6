package dev.payrelay.invoicing.chain;

import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.PaymentObservation;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Records one observation as a change of an invoice's payment in {@code invoice_payments}. A
 * transfer first seen by this invoice is claimed by its key; if the key already belongs to another
 * invoice, the observation is not applied (logged), so a transfer never pays two invoices.
 */
final class PaymentUpdates {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentUpdates.class);

  private final PaymentRepository payments = new PaymentRepository();

  Mono<PaymentLedger> load(DatabaseClient db, InvoiceRecord invoice) {
    return payments.of(db, invoice).map(PaymentLedger::new);
  }

  Mono<Void> apply(
      DatabaseClient db,
      InvoiceRecord invoice,
      PaymentLedger ledger,
      PaymentObservation observation,
      Checkpoint checkpoint,
      Instant now) {
    Transfer t = observation.transfer();
    if (!t.asset().equals(invoice.currency())) {
      LOG.warn(
          "transfer {} in {} not applied to invoice {} in {}",
          InvoicePaymentApplier.describe(t),
          t.asset().caip19(),
          invoice.id(),
          invoice.currency().caip19());
      return Mono.empty();
    }
    Payment existing = ledger.get(t.key());
    Optional<PaymentTransition.Step> step =
        PaymentTransition.of(existing == null ? null : existing.state(), observation);
    if (step.isEmpty()) {
      return Mono.empty();
    }
    long confirmations = confirmations(observation, existing, checkpoint);
    Payment next =
        new Payment(
            t.key(),
            t.amount(),
            step.get().next(),
            t.blockNumber(),
            confirmations,
            existing == null ? now : existing.firstSeenAt());
    if (existing != null) {
      return payments
          .update(db, invoice.id(), t, next.state(), confirmations, now)
          .then(Mono.fromRunnable(() -> ledger.put(next, step.get().events())));
    }
    return payments
        .claim(db, invoice.id(), t, next.state(), confirmations, now)
        .flatMap(
            owner -> {
              if (owner.equals(invoice.id())) {
                ledger.put(next, step.get().events());
              } else {
                LOG.warn(
                    "transfer {} already belongs to invoice {}; not applied to invoice {}",
                    InvoicePaymentApplier.describe(t),
                    owner,
                    invoice.id());
              }
              return Mono.<Void>empty();
            });
  }

  private static long confirmations(
      PaymentObservation observation, Payment existing, Checkpoint checkpoint) {
    if (observation instanceof PaymentObservation.Seen seen) {
      return seen.confirmations();
    }
    if (observation instanceof PaymentObservation.Confirmed confirmed) {
      return confirmed.confirmations();
    }
    if (observation instanceof PaymentObservation.Finalized) {
      long counted = checkpoint.number() - observation.transfer().blockNumber() + 1;
      return Math.max(Math.max(counted, 0), existing == null ? 0 : existing.confirmations());
    }
    return 0;
  }
}
