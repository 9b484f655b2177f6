package dev.payrelay.invoicing.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.payrelay.invoicing.application.Invoices;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.outbox.PermanentDeliveryFailure;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The outbox channel {@code email}: sends one queued email (an outbox row of {@link EmailOutbox})
 * for the {@code OutboxRelay}, which retries failures with backoff. Loads the invoice as it is now,
 * renders the email ({@link EmailComposer}) from the store's sender and sends it ({@link
 * SmtpMailer}) with a Message-ID made of the outbox event's id, the same on every attempt.
 *
 * <p>An invoice email whose invoice is no longer OPEN, or a receipt whose invoice is no longer PAID
 * (a reorg took the payment away), is not sent: that is a {@link PermanentDeliveryFailure}, shown
 * as {@code failed} on the invoice with the reason. A later PAID queues a fresh receipt.
 */
public final class EmailChannel implements OutboxChannel {

  private final Invoices invoices;
  private final DatabaseClient db;
  private final PayLinks payLinks;
  private final SmtpMailer mailer;
  private final String defaultFrom;
  private final EmailComposer composer = new EmailComposer();

  /**
   * @param defaultFrom the sender address of stores that have none of their own
   */
  public EmailChannel(
      Invoices invoices,
      ConnectionFactory connections,
      PayLinks payLinks,
      SmtpSettings smtp,
      String defaultFrom,
      Clock clock) {
    this.invoices = invoices;
    this.db = DatabaseClient.create(connections);
    this.payLinks = payLinks;
    this.mailer = new SmtpMailer(smtp, clock);
    this.defaultFrom = defaultFrom;
  }

  @Override
  public String name() {
    return EmailOutbox.CHANNEL;
  }

  /**
   * Sends the email the outbox row asks for; completes once the SMTP server accepted it. Fails with
   * {@link PermanentDeliveryFailure} when no retry can help.
   */
  @Override
  public Mono<Void> deliver(OutboxEvent event) {
    return Mono.defer(
        () -> {
          UUID storeId = event.storeId();
          Request request = Request.of(event.payload());
          if (storeId == null) {
            throw new PermanentDeliveryFailure("an email without a store: " + event.payload());
          }
          return invoices
              .get(storeId, request.invoiceId())
              .switchIfEmpty(
                  Mono.error(
                      () ->
                          new PermanentDeliveryFailure(
                              "store " + storeId + " has no invoice " + request.invoiceId())))
              .flatMap(invoice -> send(event.eventId(), request, invoice));
        });
  }

  private Mono<Void> send(UUID eventId, Request request, Invoice invoice) {
    InvoiceStatus wanted =
        request.kind() == EmailOutbox.Kind.INVOICE ? InvoiceStatus.OPEN : InvoiceStatus.PAID;
    InvoiceStatus status = invoice.evaluation().status();
    if (status != wanted) {
      return Mono.error(
          new PermanentDeliveryFailure(
              "not sent: invoice " + invoice.humanNumber() + " is " + status + ", not " + wanted));
    }
    Mono<List<Payment>> payments =
        request.kind() == EmailOutbox.Kind.RECEIPT
            ? invoices.payments(invoice.storeId(), invoice.id()).defaultIfEmpty(List.of())
            : Mono.just(List.of());
    return StoreSender.load(db, invoice.storeId(), defaultFrom)
        .zipWith(payments)
        .flatMap(
            t -> {
              StoreSender sender = t.getT1();
              ComposedEmail email =
                  composer.compose(
                      request.kind(),
                      invoice,
                      sender.storeName(),
                      payLinks.url(invoice.payToken()),
                      t.getT2());
              return mailer.send(
                  new OutgoingEmail(
                      eventId + "@" + sender.domain(),
                      sender.address(),
                      sender.displayName(),
                      sender.replyTo(),
                      request.to(),
                      email.subject(),
                      email.text(),
                      email.html()));
            });
  }

  /** The payload of an email's outbox row (see {@link EmailOutbox}). */
  private record Request(EmailOutbox.Kind kind, UUID invoiceId, String to) {
    static Request of(JsonNode payload) {
      try {
        return new Request(
            EmailOutbox.Kind.ofWireName(payload.path("kind").asText()),
            UUID.fromString(payload.path("invoiceId").asText()),
            text(payload, "to"));
      } catch (IllegalArgumentException e) {
        throw new PermanentDeliveryFailure("unreadable email request " + payload, e);
      }
    }

    private static String text(JsonNode payload, String field) {
      JsonNode node = payload.path(field);
      if (!node.isTextual() || node.asText().isEmpty()) {
        throw new IllegalArgumentException("no " + field);
      }
      return node.asText();
    }
  }
}
