package dev.payrelay.invoicing.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.application.CreateInvoice;
import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.testing.TestMailServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
  final EmailChannel channel;
  final InvoiceEmails emails;
  private final ObjectMapper json = new ObjectMapper();

  EmailFixture(Class<?> testClass) {
    fx = InvoicingFixture.start(testClass);
    channel =
        new EmailChannel(
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

  /** An outbox row of channel email. */
  record Row(long id, UUID eventId, UUID storeId, String eventType, JsonNode payload) {

    /** The row as the relay hands it over. */
    OutboxEvent event() {
      return new OutboxEvent(
          id,
          eventId,
          storeId,
          EmailOutbox.CHANNEL,
          eventType,
          "email:x",
          payload,
          Instant.EPOCH,
          0);
    }
  }

  List<Row> rows(UUID invoiceId) {
    return fx
        .strings(
            "SELECT id || ' ' || event_id || ' ' || store_id || ' ' || event_type || ' ' || payload::text"
                + " FROM outbox WHERE channel = 'email' AND ordering_key = 'email:"
                + invoiceId
                + "' ORDER BY id")
        .stream()
        .map(this::row)
        .toList();
  }

  private Row row(String line) {
    String[] parts = line.split(" ", 5);
    try {
      return new Row(
          Long.parseLong(parts[0]),
          UUID.fromString(parts[1]),
          UUID.fromString(parts[2]),
          parts[3],
          json.readTree(parts[4]));
    } catch (Exception e) {
      throw new IllegalStateException(line, e);
    }
  }

  void deliver(Row row) {
    channel.deliver(row.event()).block(WAIT);
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
