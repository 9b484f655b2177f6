package dev.payrelay.invoicing.email;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.email.EmailFixture.WAIT;
import static dev.payrelay.invoicing.email.EmailFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.application.InvoiceStateException;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/** Queuing emails: at creation, on request, the receipt once, and their statuses. */
class InvoiceEmailsTest {

  static EmailFixture mail;
  static UUID store;

  @BeforeAll
  static void start() {
    mail = new EmailFixture(InvoiceEmailsTest.class);
    store = mail.fx.store(RECEIVING, null);
  }

  static final List<LineItemRequest> TEA =
      List.of(new LineItemRequest("Tea", "1", "3", null, null));

  @Test
  void creationQueuesTheInvoiceEmailOnlyWhenAskedTo() {
    Invoice quiet =
        mail.fx.invoices.create(invoice(store, "a@example.com", false, TEA, null)).block(WAIT);
    Invoice sent =
        mail.fx.invoices.create(invoice(store, "a@example.com", true, TEA, null)).block(WAIT);

    assertThat(mail.rows(quiet.id())).isEmpty();
    assertThat(mail.rows(sent.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.payload().path("kind").asText()).isEqualTo("invoice");
              assertThat(r.payload().path("to").asText()).isEqualTo("a@example.com");
              assertThat(r.payload().path("invoiceId").asText()).isEqualTo(sent.id().toString());
              assertThat(r.storeId()).isEqualTo(store);
            });
    assertThat(statuses(sent))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(EmailOutbox.Kind.INVOICE);
              assertThat(s.state()).isEqualTo(EmailStatus.State.QUEUED);
              assertThat(s.attempts()).isZero();
              assertThat(s.sentAt()).isEmpty();
            });
  }

  @Test
  void sendWithoutABuyerEmailIsInvalidAndCreatesNothing() {
    long before = mail.fx.count("SELECT count(*) FROM invoices");

    assertThatThrownBy(
            () -> mail.fx.invoices.create(invoice(store, null, true, TEA, null)).block(WAIT))
        .isInstanceOf(InvalidInvoiceException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInvoiceException) e).violations())
                    .anySatisfy(v -> assertThat(v.field()).isEqualTo("send")));
    assertThat(mail.fx.count("SELECT count(*) FROM invoices")).isEqualTo(before);
  }

  @Test
  void sendQueuesAnotherInvoiceEmailForAnOpenInvoiceUpToTheLimit() {
    Invoice invoice =
        mail.fx.invoices.create(invoice(store, "b@example.com", true, TEA, null)).block(WAIT);

    for (int i = 1; i < InvoiceEmails.MAX_INVOICE_EMAILS_PER_INVOICE; i++) {
      assertThat(mail.emails.send(store, invoice.id()).block(WAIT)).isTrue();
    }
    assertThat(mail.rows(invoice.id())).hasSize(InvoiceEmails.MAX_INVOICE_EMAILS_PER_INVOICE);
    assertThatThrownBy(() -> mail.emails.send(store, invoice.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("already emailed");
    assertThat(mail.rows(invoice.id())).hasSize(InvoiceEmails.MAX_INVOICE_EMAILS_PER_INVOICE);
  }

  @Test
  void sendRefusesAnInvoiceWithoutBuyerEmailOrNotOpenAndQueuesNothing() {
    Invoice noEmail = mail.fx.invoices.create(invoice(store, null, false, TEA, null)).block(WAIT);
    Invoice voided =
        mail.fx.invoices.create(invoice(store, "c@example.com", false, TEA, null)).block(WAIT);
    mail.fx.invoices.voidInvoice(store, voided.id()).block(WAIT);
    Invoice expired =
        mail.fx.invoices.create(invoice(store, "c@example.com", false, TEA, null)).block(WAIT);
    mail.fx.clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> mail.emails.send(store, noEmail.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("no buyer email");
    assertThatThrownBy(() -> mail.emails.send(store, voided.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("is VOID");
    assertThatThrownBy(() -> mail.emails.send(store, expired.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("is EXPIRED");
    assertThat(mail.rows(noEmail.id())).isEmpty();
    assertThat(mail.rows(voided.id())).isEmpty();
    assertThat(mail.rows(expired.id())).isEmpty();
    assertThat(mail.emails.send(UUID.randomUUID(), noEmail.id()).block(WAIT)).isNull();
  }

  @Test
  void oneReceiptPerInvoiceUnlessTheFirstWasGivenUpOn() {
    Invoice invoice =
        mail.fx.invoices.create(invoice(store, "d@example.com", false, TEA, null)).block(WAIT);
    Invoice anonymous = mail.fx.invoices.create(invoice(store, null, false, TEA, null)).block(WAIT);
    EmailOutbox outbox = new EmailOutbox();
    DatabaseClient db = DatabaseClient.create(mail.fx.connections);

    assertThat(outbox.receipt(db, invoice.id()).block(WAIT)).isTrue();
    assertThat(outbox.receipt(db, invoice.id()).block(WAIT)).isFalse();
    assertThat(outbox.receipt(db, anonymous.id()).block(WAIT)).isFalse();
    mail.fx.execute(
        "UPDATE outbox SET dead_at = now() WHERE ordering_key = 'email:" + invoice.id() + "'");
    assertThat(outbox.receipt(db, invoice.id()).block(WAIT)).isTrue();

    assertThat(mail.rows(invoice.id()))
        .extracting(EmailFixture.Row::eventType)
        .containsExactly("email.receipt", "email.receipt");
    assertThat(statuses(invoice))
        .extracting(EmailStatus::state)
        .containsExactly(EmailStatus.State.FAILED, EmailStatus.State.QUEUED);
    assertThat(mail.rows(anonymous.id())).isEmpty();
  }

  private List<EmailStatus> statuses(Invoice invoice) {
    return mail.emails
        .statuses(store, List.of(invoice.id()))
        .block(WAIT)
        .getOrDefault(invoice.id(), List.of());
  }
}
