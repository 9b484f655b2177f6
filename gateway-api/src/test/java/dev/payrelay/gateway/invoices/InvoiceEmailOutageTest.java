package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.testing.ReceivedEmail;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An SMTP outage: invoices are created all the same, their emails wait in the outbox with the
 * failed attempts on the invoice, and once the server is back each email arrives, exactly once.
 */
class InvoiceEmailOutageTest extends EmailNode {

  @AfterEach
  void serverBack() {
    if (!smtp.running()) {
      smtp.start();
    }
  }

  @Test
  void anEmailQueuedWhileTheServerIsDownArrivesOnceWhenItIsBack() {
    smtp.stop();
    String carol = uniqueAddress("carol");

    Map<String, Object> invoice = create(billed(Bodies.coffee(), carol, true));
    String id = (String) invoice.get("id");

    Map<String, Object> failing =
        awaitInvoice(
            id,
            i ->
                emailsAre(1, "queued").test(i)
                    && (Integer) emails(i).get(0).get("attempts") >= 2
                    && emails(i).get(0).get("lastError") != null,
            "two failed attempts");
    assertThat((String) emails(failing).get(0).get("lastError"))
        .contains("SMTP 127.0.0.1:" + smtp.port());
    assertThat(emails(failing).get(0).get("sentAt")).isNull();
    Map<String, Object> mail = at(health(), "components.mail");
    assertThat(mail.get("status")).isEqualTo("UP");
    assertThat((Integer) at(mail, "details.queued")).isPositive();
    assertThat(emailsTo(carol)).isEmpty();

    smtp.start();

    ReceivedEmail email = awaitEmailTo(carol);
    assertThat(email.payLinkFromHtml()).isEqualTo(URI.create(Bodies.at(invoice, "payLink.url")));
    Map<String, Object> sent = awaitInvoice(id, emailsAre(1, "sent"), "the email's status 'sent'");
    assertThat((Integer) emails(sent).get(0).get("attempts")).isGreaterThanOrEqualTo(3);
    assertThat(emails(sent).get(0).get("lastError")).isNull();
    assertEachArrivedOnce(carol, 1);
  }

  private Map<String, Object> health() {
    return json(http.get().uri("/actuator/health").exchange());
  }

  private static <T> T at(Map<String, Object> body, String path) {
    return Bodies.at(body, path);
  }
}
