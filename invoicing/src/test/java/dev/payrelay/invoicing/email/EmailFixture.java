package dev.payrelay.invoicing.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.CreateInvoice;
import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.testing.TestMailServer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** The invoice use cases, a test SMTP server, and the email delivery between them. */
final class EmailFixture {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String DEFAULT_FROM = "billing@node.example";
  static final URI PUBLIC_BASE_URL = URI.create("https://pay.example.com/");

  final InvoicingFixture fx;
  final TestMailServer smtp = TestMailServer.onFreePort();
  final InvoiceEmailDelivery delivery;
  final InvoiceEmails emails;
  private final ObjectMapper json = new ObjectMapper();

  EmailFixture(Class<?> testClass) {
    fx = InvoicingFixture.start(testClass);
    delivery =
        new InvoiceEmailDelivery(
            fx.invoices,
            fx.connections,
            new PayLinks(PUBLIC_BASE_URL),
            new SmtpSettings(
                TestMailServer.HOST,
                smtp.port(),
                SmtpSettings.StartTls.DISABLED,
                false,
                null,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5)),
            DEFAULT_FROM,
            fx.clock);
    emails = new InvoiceEmails(fx.connections, fx.clock, () -> {});
  }

  /** An outbox row of channel email, as the relay would hand it over. */
  record Row(UUID eventId, UUID storeId, String eventType, JsonNode payload) {}

  List<Row> rows(UUID invoiceId) {
    return fx
        .strings(
            "SELECT event_id || ' ' || store_id || ' ' || event_type || ' ' || payload::text"
                + " FROM outbox WHERE channel = 'email' AND ordering_key = 'email:"
                + invoiceId
                + "' ORDER BY id")
        .stream()
        .map(this::row)
        .toList();
  }

  private Row row(String line) {
    String[] parts = line.split(" ", 4);
    try {
      return new Row(
          UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2], json.readTree(parts[3]));
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }

  void deliver(Row row) {
    delivery.deliver(row.eventId(), row.storeId(), row.payload()).block(WAIT);
  }

  static CreateInvoice invoice(
      UUID store, String buyerEmail, boolean send, List<LineItemRequest> lines, String memo) {
    return new CreateInvoice(
        store,
        InvoicingFixture.CHAIN.value(),
        "USDC",
        lines,
        "Ada",
        buyerEmail,
        memo,
        null,
        Map.of(),
        OptionalLong.empty(),
        new LinkedHashSet<>(),
        send);
  }
}
