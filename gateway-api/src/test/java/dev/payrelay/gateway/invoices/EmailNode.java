package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.testing.ReceivedEmail;
import dev.payrelay.invoicing.testing.TestMailServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The invoice API node with an SMTP server (GreenMail on a fixed port, started before the node and
 * shared by the tests of this context) and retries in milliseconds instead of seconds. Tests keep
 * apart by sending to an address of their own.
 */
abstract class EmailNode extends InvoiceNode {

  static final Duration MAIL_WAIT = Duration.ofSeconds(30);
  static final TestMailServer smtp = TestMailServer.onFreePort().start();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("payrelay.mail.host", () -> TestMailServer.HOST);
    registry.add("payrelay.mail.port", smtp::port);
    registry.add("payrelay.mail.starttls", () -> "disabled");
    registry.add("payrelay.mail.from", () -> "billing@node.example");
    registry.add("payrelay.mail.connect-timeout", () -> "2s");
    registry.add("payrelay.outbox.first-retry-delay", () -> "200ms");
    registry.add("payrelay.outbox.max-retry-delay", () -> "1s");
    registry.add("payrelay.outbox.poll-interval", () -> "200ms");
  }

  /** An address no other test sends to. */
  static String uniqueAddress(String who) {
    return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** The emails received so far for {@code address}. */
  static List<ReceivedEmail> emailsTo(String address) {
    return smtp.emails().stream().filter(e -> e.to().equals(address)).toList();
  }

  /** Waits (bounded) for the first email to {@code address}. */
  static ReceivedEmail awaitEmailTo(String address) {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (true) {
      List<ReceivedEmail> got = emailsTo(address);
      if (!got.isEmpty()) {
        return got.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no email to " + address + " within " + MAIL_WAIT);
      }
      pause();
    }
  }

  /**
   * Polls (bounded) {@code GET /v1/invoices/{id}} until {@code done} holds; returns the invoice.
   */
  Map<String, Object> awaitInvoice(String id, Predicate<Map<String, Object>> done, String what) {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (true) {
      Map<String, Object> invoice = json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk());
      if (done.test(invoice)) {
        return invoice;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + MAIL_WAIT + ": " + invoice);
      }
      pause();
    }
  }

  /** The invoice's {@code emails}. */
  static List<Map<String, Object>> emails(Map<String, Object> invoice) {
    return Bodies.list(invoice, "emails");
  }

  /** Whether the invoice's emails are all {@code status}, and there are {@code count}. */
  static Predicate<Map<String, Object>> emailsAre(int count, String status) {
    return invoice ->
        emails(invoice).size() == count
            && emails(invoice).stream().allMatch(e -> status.equals(e.get("status")));
  }

  WebTestClient.ResponseSpec send(String key, String invoiceId, String idempotencyKey) {
    return http.post()
        .uri("/v1/invoices/{id}/send", invoiceId)
        .headers(
            h -> {
              if (key != null) {
                h.setBearerAuth(key);
              }
              if (idempotencyKey != null) {
                h.set(Idempotency.HEADER, idempotencyKey);
              }
            })
        .exchange();
  }

  /** An invoice body with a buyer at {@code address}, {@code send} as given. */
  static Map<String, Object> billed(Map<String, Object> body, String address, Boolean send) {
    body.put("buyer", Map.of("name", "Ada", "email", address));
    if (send != null) {
      body.put("send", send);
    }
    return body;
  }

  /** Every email to {@code address} so far arrived exactly once: one message per Message-ID. */
  static void assertEachArrivedOnce(String address, int expected) {
    List<ReceivedEmail> got = emailsTo(address);
    assertThat(got).hasSize(expected);
    assertThat(got.stream().map(ReceivedEmail::messageId).distinct()).hasSize(expected);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
