package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.application.InvoiceStateException;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.StatusRules;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The emails of invoices: {@code POST /v1/invoices/{id}/send} queues the invoice email again, and
 * every invoice answer lists its emails with their delivery status. Sending itself is the outbox
 * relay's job ({@link EmailChannel}).
 */
public final class InvoiceEmails {

  /**
   * Invoice emails one invoice may have queued or sent in all, so that a client's resend loop
   * cannot turn the node into a spam relay for one address.
   */
  public static final int MAX_INVOICE_EMAILS_PER_INVOICE = 10;

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final Clock clock;
  private final Runnable onQueued;
  private final InvoiceRepository invoices = new InvoiceRepository();
  private final PaymentRepository payments = new PaymentRepository();
  private final EmailOutbox outbox = new EmailOutbox();
  private final EmailStatuses statuses = new EmailStatuses();

  /**
   * @param onQueued called after an email was queued and committed (to wake the relay)
   */
  public InvoiceEmails(ConnectionFactory connections, Clock clock, Runnable onQueued) {
    this.db = DatabaseClient.create(connections);
    this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    this.clock = clock;
    this.onQueued = onQueued;
  }

  /**
   * Queues the invoice email to the buyer of the store's invoice, which must be OPEN now (partially
   * paid included) and have a buyer email; else fails with {@link InvoiceStateException} and queues
   * nothing. Empty if the store has no such invoice.
   */
  public Mono<Boolean> send(UUID storeId, UUID invoiceId) {
    Mono<Boolean> work =
        invoices
            .lock(db, storeId, invoiceId)
            .flatMap(
                invoice ->
                    payments
                        .of(db, invoice)
                        .map(paid -> StatusRules.evaluate(invoice.terms(), paid, clock.instant()))
                        .flatMap(now -> check(invoice, now))
                        .then(outbox.invoiceEmail(db, invoiceId)));
    return transactions.transactional(work).doOnNext(queued -> onQueued.run());
  }

  /** The emails of each of the store's {@code invoiceIds}, oldest first; none for an unknown id. */
  public Mono<Map<UUID, List<EmailStatus>>> statuses(UUID storeId, Collection<UUID> invoiceIds) {
    return statuses.of(db, storeId, invoiceIds);
  }

  private Mono<Void> check(InvoiceRecord invoice, Evaluation now) {
    String number = Invoice.humanNumber(invoice.number());
    if (invoice.buyer().email() == null) {
      return refuse("invoice " + number + " has no buyer email to send it to");
    }
    if (now.status() != InvoiceStatus.OPEN) {
      return refuse(
          "invoice " + number + " is " + now.status() + "; only an OPEN invoice can be sent");
    }
    return db.sql(
            "SELECT count(*) AS n FROM outbox WHERE channel = :channel AND ordering_key = :key"
                + " AND event_type = :type")
        .bind("channel", EmailOutbox.CHANNEL)
        .bind("key", EmailOutbox.orderingKey(invoice.id()))
        .bind("type", EmailOutbox.Kind.INVOICE.eventType())
        .map(row -> row.get("n", Long.class))
        .one()
        .flatMap(
            n ->
                n >= MAX_INVOICE_EMAILS_PER_INVOICE
                    ? refuse(
                        "invoice "
                            + number
                            + " was already emailed "
                            + n
                            + " times, the most an invoice may be")
                    : Mono.empty());
  }

  private static Mono<Void> refuse(String why) {
    return Mono.error(new InvoiceStateException(why));
  }
}
