package dev.payrelay.invoicing.email;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.email.EmailFixture.WAIT;
import static dev.payrelay.invoicing.email.EmailFixture.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import dev.payrelay.invoicing.outbox.PermanentDeliveryFailure;
import dev.payrelay.invoicing.testing.ReceivedEmail;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Invoice and receipt emails through a real SMTP server (GreenMail): what arrives, escaping of
 * merchant text, the sender, and failures that are retried or not.
 */
class EmailChannelTest {

  static final List<LineItemRequest> TEA =
      List.of(new LineItemRequest("Tea", "1", "3", null, null));

  static EmailFixture mail;
  static UUID store;

  @BeforeAll
  static void start() {
    mail = new EmailFixture(EmailChannelTest.class);
    mail.smtp.start();
    store = mail.fx.store(RECEIVING, null);
  }

  @AfterAll
  static void stop() {
    mail.smtp.close();
  }

  @BeforeEach
  void emptyMailbox() {
    if (!mail.smtp.running()) {
      mail.smtp.start();
    }
    mail.smtp.reset();
  }

  @Test
  void sendsTheInvoiceAsTextAndHtmlWithItsItemsTotalAndPayLink() {
    Invoice invoice =
        create(
            store,
            "ada@example.com",
            List.of(
                new LineItemRequest("Espresso beans 1 kg", "2", "12.50", "8.25", null),
                new LineItemRequest("Grinder", "1", "80", null, "5")),
            null);
    List<EmailFixture.Row> rows = mail.rows(invoice.id());
    assertThat(rows)
        .singleElement()
        .extracting(EmailFixture.Row::eventType)
        .isEqualTo("email.invoice");

    mail.deliver(rows.get(0));

    ReceivedEmail email = mail.smtp.awaitEmails(1, WAIT).get(0);
    assertThat(email.subject()).isEqualTo("Invoice " + invoice.humanNumber() + " from Shop");
    assertThat(email.contentType()).startsWith("multipart/alternative");
    assertThat(email.to()).isEqualTo("ada@example.com");
    assertThat(email.from().getAddress()).isEqualTo(EmailFixture.DEFAULT_FROM);
    assertThat(email.from().getPersonal()).isEqualTo("Shop");
    assertThat(email.replyTo()).isEmpty();
    assertThat(email.messageId()).isEqualTo("<" + rows.get(0).eventId() + "@node.example>");
    // 2 × 12.50 = 25 with 8.25 % tax = 2.0625; 80 less 5; total 102.0625
    for (String part : List.of(email.text(), email.html())) {
      assertThat(part)
          .contains("Espresso beans 1 kg", "Grinder", "25 USDC", "2.0625 USDC", "5 USDC")
          .contains("102.0625 USDC", invoice.humanNumber());
    }
    URI payLink = URI.create("https://pay.example.com/pay/" + invoice.payToken());
    assertThat(email.payLinkFromHtml()).isEqualTo(payLink);
    assertThat(email.payLinkFromText()).isEqualTo(payLink);
  }

  @Test
  void escapesMerchantTextInTheHtmlPart() {
    UUID shop = mail.fx.store(RECEIVING, null);
    mail.fx.execute("UPDATE stores SET name = '<b>Evil</b> & Co' WHERE id = '" + shop + "'");
    String script = "<script>alert('x')</script>";
    Invoice invoice =
        create(
            shop,
            "ada@example.com",
            List.of(new LineItemRequest("Tea " + script, "1", "3", null, null)),
            "Thanks <img src=x onerror=alert(1)>");

    mail.deliver(mail.rows(invoice.id()).get(0));

    ReceivedEmail email = mail.smtp.awaitEmails(1, WAIT).get(0);
    assertThat(email.html())
        .doesNotContain("<script", "<img", "<b>Evil")
        .contains("Tea &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co");
    assertThat(email.text()).contains("Tea " + script);
    assertThat(email.subject())
        .isEqualTo("Invoice " + invoice.humanNumber() + " from <b>Evil</b> & Co");
  }

  @Test
  void comesFromTheStoresOwnSenderWithItsReplyTo() {
    UUID shop = mail.fx.store(RECEIVING, null);
    mail.fx.execute(
        "UPDATE stores SET email_from_address = 'shop@shop.example', email_from_name = 'The Shop',"
            + " email_reply_to = 'help@shop.example' WHERE id = '"
            + shop
            + "'");
    Invoice invoice = create(shop, "bob@example.com", TEA, null);
    EmailFixture.Row row = mail.rows(invoice.id()).get(0);

    mail.deliver(row);

    ReceivedEmail email = mail.smtp.awaitEmails(1, WAIT).get(0);
    assertThat(email.from().getAddress()).isEqualTo("shop@shop.example");
    assertThat(email.from().getPersonal()).isEqualTo("The Shop");
    assertThat(email.replyTo()).contains("help@shop.example");
    assertThat(email.messageId()).isEqualTo("<" + row.eventId() + "@shop.example>");
  }

  @Test
  void anUnreachableServerIsARetryableFailureAndTheRetryCarriesTheSameMessageId() {
    EmailFixture.Row row = mail.rows(created("carol@example.com").id()).get(0);
    mail.smtp.stop();

    assertThatThrownBy(() -> mail.deliver(row))
        .isNotInstanceOf(PermanentDeliveryFailure.class)
        .hasMessageContaining("SMTP 127.0.0.1:" + mail.smtp.port());
    assertThat(mail.smtp.emails()).isEmpty();

    mail.smtp.start();
    mail.deliver(row);
    assertThat(mail.smtp.awaitEmails(1, WAIT))
        .singleElement()
        .satisfies(
            e -> assertThat(e.messageId()).isEqualTo("<" + row.eventId() + "@node.example>"));
  }

  @Test
  void anInvoiceEmailIsNotSentOnceTheInvoiceIsVoid() {
    Invoice invoice = created("dan@example.com");
    mail.fx.invoices.voidInvoice(store, invoice.id()).block(WAIT);

    assertThatThrownBy(() -> mail.deliver(mail.rows(invoice.id()).get(0)))
        .isInstanceOf(PermanentDeliveryFailure.class)
        .hasMessageContaining("is VOID");
    assertThat(mail.smtp.emails()).isEmpty();
  }

  @Test
  void aMalformedRecipientIsAPermanentFailure() {
    EmailFixture.Row row = mail.rows(created("erin@example.com").id()).get(0);
    ((ObjectNode) row.payload()).put("to", "not an address");

    assertThatThrownBy(() -> mail.deliver(row)).isInstanceOf(PermanentDeliveryFailure.class);
    assertThat(mail.smtp.emails()).isEmpty();
  }

  @Test
  void sendsTheReceiptOnceTheInvoiceIsPaidWithItsPayments() {
    Invoice invoice = created("frank@example.com");
    String tx = "0x" + "ab".repeat(32);
    mail.fx.execute(
        "INSERT INTO invoice_payments (chain_id, tx_hash, log_index, invoice_id, amount, state,"
            + " block_number, block_hash, confirmations, first_seen_at, updated_at) VALUES (1, '"
            + tx
            + "', 0, '"
            + invoice.id()
            + "', 3000000, 'finalized', 10, '0x"
            + "cd".repeat(32)
            + "', 20, now(), now())");
    new EmailOutbox().receipt(DatabaseClient.create(mail.fx.connections), invoice.id()).block(WAIT);
    EmailFixture.Row receipt = mail.rows(invoice.id()).get(1);
    assertThat(receipt.eventType()).isEqualTo("email.receipt");

    mail.deliver(receipt);

    ReceivedEmail email = mail.smtp.awaitEmails(1, WAIT).get(0);
    assertThat(email.subject()).isEqualTo("Receipt for " + invoice.humanNumber() + " from Shop");
    assertThat(email.text()).contains("received your payment of 3 USDC", "Tea", tx);
    assertThat(email.html()).contains("received your payment of", "<strong>3 USDC</strong>", tx);
    assertThat(email.html()).doesNotContain("id=\"pay-link\"");
    URI link = URI.create("https://pay.example.com/pay/" + invoice.payToken());
    assertThat(email.linkFromHtml("receipt-link")).isEqualTo(link);
    assertThat(email.payLinkFromText()).isEqualTo(link);
    // The invoice email of the same invoice, now PAID, is not sent any more.
    assertThatThrownBy(() -> mail.deliver(mail.rows(invoice.id()).get(0)))
        .isInstanceOf(PermanentDeliveryFailure.class)
        .hasMessageContaining("is PAID");
  }

  private static Invoice created(String buyerEmail) {
    return create(store, buyerEmail, TEA, null);
  }

  /** An invoice created with {@code send: true}. */
  private static Invoice create(
      UUID shop, String buyerEmail, List<LineItemRequest> lines, String memo) {
    return mail.fx.invoices.create(invoice(shop, buyerEmail, true, lines, memo)).block(WAIT);
  }
}
