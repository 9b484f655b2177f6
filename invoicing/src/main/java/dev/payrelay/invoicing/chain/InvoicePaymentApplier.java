package dev.payrelay.invoicing.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.application.WatchRules;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.InvoiceEvents;
import dev.payrelay.invoicing.domain.StatusRules;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the chain watcher's observations to invoices, inside the batch's transaction (see {@link
 * PostgresWatchSink}). Per invoice (locked, in id order): each observation moves its payment
 * ({@link PaymentTransition}) and writes the payment's events; then the invoice is re-evaluated
 * with {@link StatusRules}, persisted, and the invoice events between the stored and the new
 * evaluation are written. A transfer already applied to another invoice is left alone. Once an
 * invoice is PAID or VOID with every payment final, its watch closes after the commit.
 */
public final class InvoicePaymentApplier implements ObservationApplier {

  private static final Logger LOG = LoggerFactory.getLogger(InvoicePaymentApplier.class);

  private final Clock clock;
  private final ExpectationRegistry expectations;
  private final InvoiceRepository invoices = new InvoiceRepository();
  private final InvoiceOutbox outbox = new InvoiceOutbox(new ObjectMapper());
  private final PaymentUpdates updates = new PaymentUpdates();

  public InvoicePaymentApplier(Clock clock, ExpectationRegistry expectations) {
    this.clock = clock;
    this.expectations = expectations;
  }

  @Override
  public Mono<Void> apply(WatchBatch batch, DatabaseClient db) {
    return Mono.defer(
        () -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          Map<UUID, List<PaymentObservation>> byInvoice = byInvoice(batch);
          return invoices
              .lockAll(db, byInvoice.keySet())
              .concatMap(
                  invoice ->
                      applyTo(db, invoice, byInvoice.get(invoice.id()), batch.checkpoint(), now))
              .collectList()
              .flatMap(closed -> closeAfterCommit(db, closed, now));
        });
  }

  /** Applies the invoice's observations; answers its id if its watch can close. */
  private Mono<UUID> applyTo(
      DatabaseClient db,
      InvoiceRecord stored,
      List<PaymentObservation> observations,
      Checkpoint checkpoint,
      Instant now) {
    return updates
        .load(db, stored)
        .flatMap(
            ledger ->
                Flux.fromIterable(observations)
                    .concatMap(o -> updates.apply(db, stored, ledger, o, checkpoint, now))
                    .then(Mono.defer(() -> settle(db, stored, ledger, now))));
  }

  private Mono<UUID> settle(
      DatabaseClient db, InvoiceRecord stored, PaymentLedger ledger, Instant now) {
    // What the clock alone did before these payments (e.g. expired), then what they did.
    Evaluation before = StatusRules.evaluate(stored.terms(), ledger.before(), now);
    Evaluation after = StatusRules.evaluate(stored.terms(), ledger.current(), now);
    boolean changed = !after.equals(stored.evaluation());
    InvoiceRecord saved = changed ? stored.withEvaluation(after, now) : stored;
    InvoiceSummary summary = InvoiceSummary.of(saved);
    Mono<Void> save = changed ? invoices.saveState(db, saved) : Mono.empty();
    return save.then(
            outbox.invoiceEvents(db, summary, InvoiceEvents.between(stored.evaluation(), before)))
        .then(
            Flux.fromIterable(ledger.events())
                .concatMap(e -> outbox.paymentEvent(db, summary, e.type(), e.payment()))
                .then())
        .then(outbox.invoiceEvents(db, summary, InvoiceEvents.between(before, after)))
        .then(
            Mono.fromCallable(
                () ->
                    WatchRules.closesWatch(after.status(), ledger.current()) ? saved.id() : null));
  }

  private Mono<Void> closeAfterCommit(DatabaseClient db, List<UUID> closed, Instant now) {
    if (closed.isEmpty()) {
      return Mono.empty();
    }
    return invoices
        .closeWatch(db, closed, now)
        .then(AfterCommit.run(() -> closed.forEach(id -> expectations.close(id.toString()))));
  }

  /**
   * The batch's observations per invoice, in batch order; keys that are not invoice ids dropped.
   */
  private static Map<UUID, List<PaymentObservation>> byInvoice(WatchBatch batch) {
    Map<UUID, List<PaymentObservation>> out = new LinkedHashMap<>();
    for (PaymentObservation o : batch.observations()) {
      Optional<UUID> id = invoiceId(o.invoiceKey());
      if (id.isEmpty()) {
        LOG.debug("observation for {} ignored: not an invoice id", o.invoiceKey());
        continue;
      }
      out.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(o);
    }
    return out;
  }

  private static Optional<UUID> invoiceId(String key) {
    try {
      return Optional.of(UUID.fromString(key));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String describe(Transfer t) {
    return t.chain() + "/" + t.tx() + "/" + t.logIndex();
  }
}
