package dev.payrelay.invoicing.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.InvoiceEvents;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import dev.payrelay.invoicing.persistence.WatchRepository;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The expiry job, safe to run on several instances at once: OPEN invoices whose expiry has come are
 * re-evaluated and persisted as EXPIRED with {@code invoice.expired} in the outbox, in batches of
 * {@value #BATCH_SIZE} locked with {@code FOR UPDATE SKIP LOCKED}, so each invoice expires once. An
 * expired invoice stays watched on chain for the late-payment window, so that a payment after the
 * expiry is still recorded (as PAID_LATE); the same run then closes the watches that ended.
 */
public final class InvoiceExpiry {

  /** Invoices per transaction. */
  public static final int BATCH_SIZE = 500;

  private final Transactions transactions;
  private final Clock clock;
  private final ExpectationRegistry expectations;
  private final Duration latePaymentWindow;
  private final WatchRepository watch = new WatchRepository();
  private final InvoiceRepository invoices = new InvoiceRepository();
  private final PaymentRepository payments = new PaymentRepository();
  private final InvoiceOutbox outbox = new InvoiceOutbox(new ObjectMapper());

  /**
   * @param latePaymentWindow how long after its expiry an unpaid invoice stays watched ({@link
   *     WatchRules#DEFAULT_LATE_PAYMENT_WINDOW} by default)
   */
  public InvoiceExpiry(
      ConnectionFactory connections,
      Clock clock,
      ExpectationRegistry expectations,
      Duration latePaymentWindow) {
    if (latePaymentWindow.isNegative()) {
      throw new IllegalArgumentException("the late-payment window cannot be negative");
    }
    this.transactions = new Transactions(connections);
    this.clock = clock;
    this.expectations = expectations;
    this.latePaymentWindow = latePaymentWindow;
  }

  private record Batch(int locked, int expired) {}

  /** Expires what is due now and closes the watches that ended; answers how many expired. */
  public Mono<Integer> expireDue() {
    return Mono.defer(
        () -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          return expireBatch(now)
              .expand(b -> b.locked() == BATCH_SIZE ? expireBatch(now) : Mono.empty())
              .reduce(0, (sum, b) -> sum + b.expired())
              .flatMap(expired -> closeEndedWatches(now).thenReturn(expired));
        });
  }

  private Mono<Batch> expireBatch(Instant now) {
    DatabaseClient tx = transactions.db();
    Mono<Batch> work =
        watch
            .lockDueForExpiry(tx, now, BATCH_SIZE)
            .collectList()
            .flatMap(
                due ->
                    payments
                        .ofInvoices(tx, due)
                        .flatMapMany(
                            paid ->
                                Flux.fromIterable(due)
                                    .concatMap(
                                        r ->
                                            expire(
                                                tx, r, paid.getOrDefault(r.id(), List.of()), now)))
                        .filter(Boolean::booleanValue)
                        .count()
                        .map(expired -> new Batch(due.size(), expired.intValue())));
    return transactions.committed(work);
  }

  /** Persists the invoice's evaluation now; answers whether it is EXPIRED. */
  private Mono<Boolean> expire(
      DatabaseClient tx, InvoiceRecord stored, List<Payment> paid, Instant now) {
    Evaluation current = InvoiceService.evaluate(stored, paid, now);
    InvoiceRecord saved = stored.withEvaluation(current, now);
    return invoices
        .saveState(tx, saved)
        .then(
            outbox.invoiceEvents(
                tx, InvoiceSummary.of(saved), InvoiceEvents.between(stored.evaluation(), current)))
        .thenReturn(current.status() == InvoiceStatus.EXPIRED);
  }

  /** Closes, in batches, the watches of invoices that nothing on chain can change any more. */
  private Mono<Void> closeEndedWatches(Instant now) {
    Instant cutoff = now.minus(latePaymentWindow);
    return closeBatch(now, cutoff)
        .expand(ids -> ids.size() == BATCH_SIZE ? closeBatch(now, cutoff) : Mono.empty())
        .then();
  }

  private Mono<List<UUID>> closeBatch(Instant now, Instant cutoff) {
    DatabaseClient tx = transactions.db();
    Mono<List<UUID>> work =
        watch
            .lockStaleWatches(tx, cutoff, BATCH_SIZE)
            .collectList()
            .flatMap(ids -> invoices.closeWatch(tx, ids, now).thenReturn(ids));
    return transactions
        .committed(work)
        .doOnNext(ids -> ids.forEach(id -> expectations.close(id.toString())));
  }
}
