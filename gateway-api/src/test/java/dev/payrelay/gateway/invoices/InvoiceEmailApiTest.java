package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.at;
import static dev.payrelay.gateway.invoices.Bodies.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.testing.ReceivedEmail;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Invoice emails through the API to a real SMTP server: {@code send: true} at creation and {@code
 * POST /v1/invoices/{id}/send}, the email's content and pay link, its status on the invoice, and
 * bad requests that queue nothing.
 */
class InvoiceEmailApiTest extends EmailNode {

  @Test
  void createWithSendEmailsTheItemsTotalAndPayLinkAndTheInvoiceShowsItSent() {
    String ada = uniqueAddress("ada");
    Map<String, Object> body =
        billed(
            Bodies.invoice(
                "USDC",
                line("Espresso beans 1 kg", "2", "12.50", "8.25", null),
                line("Grinder", "1", "80", null, "5")),
            ada,
            true);

    Map<String, Object> invoice = create(body);

    assertThat(emails(invoice))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("kind", "invoice").containsEntry("to", ada);
              assertThat(e.get("status")).isIn("queued", "sent");
            });
    ReceivedEmail email = awaitEmailTo(ada);
    String number = (String) invoice.get("number");
    assertThat(email.subject()).isEqualTo("Invoice " + number + " from Default store");
    assertThat(email.from().getAddress()).isEqualTo("billing@node.example");
    // 2 × 12.50 = 25 with 8.25 % tax = 2.0625; 80 less 5; total 102.0625 USDC
    for (String part : List.of(email.text(), email.html())) {
      assertThat(part)
          .contains("Espresso beans 1 kg", "Grinder", "25 USDC", "2.0625 USDC", "5 USDC")
          .contains("102.0625 USDC", number);
    }
    URI payLink = URI.create(at(invoice, "payLink.url"));
    assertThat(payLink.toString()).startsWith(PUBLIC_BASE_URL + "/pay/");
    assertThat(email.payLinkFromHtml()).isEqualTo(payLink);
    assertThat(email.payLinkFromText()).isEqualTo(payLink);

    Map<String, Object> sent =
        awaitInvoice((String) invoice.get("id"), emailsAre(1, "sent"), "the email's status 'sent'");
    assertThat(emails(sent).get(0))
        .containsEntry("attempts", 1)
        .containsEntry("lastError", null)
        .containsKey("sentAt");
    assertThat(emails(sent).get(0).get("sentAt")).isNotNull();
    assertEachArrivedOnce(ada, 1);
  }

  @Test
  void sendQueuesTheInvoiceEmailAgainOnceForRetriesWithTheSameIdempotencyKey() {
    String bob = uniqueAddress("bob");
    Map<String, Object> invoice = create(billed(Bodies.coffee(), bob, null));
    String id = (String) invoice.get("id");
    assertThat(emails(invoice)).isEmpty();

    EntityExchangeResult<String> first =
        send(ADMIN, id, "resend-" + id)
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult();
    EntityExchangeResult<String> retry =
        send(ADMIN, id, "resend-" + id)
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult();

    assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(retry.getResponseHeaders().getFirst(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
    assertThat(first.getResponseBody()).contains("\"kind\":\"invoice\"", "\"to\":\"" + bob + "\"");
    ReceivedEmail email = awaitEmailTo(bob);
    assertThat(email.payLinkFromHtml()).isEqualTo(URI.create(at(invoice, "payLink.url")));
    awaitInvoice(id, emailsAre(1, "sent"), "the email's status 'sent'");
    assertEachArrivedOnce(bob, 1);
  }

  @Test
  void badSendsAnswerProblemsAndQueueNothing() throws Exception {
    Map<String, Object> anonymous = create(Bodies.coffee());
    Map<String, Object> voided = create(billed(Bodies.coffee(), uniqueAddress("void"), null));
    voidIt(ADMIN, (String) voided.get("id"), null).expectStatus().isOk();
    String before = Sql.writes(db) + " " + emailRows();

    problem(send(ADMIN, "not-a-uuid", null), 400, "validation");
    problem(send(ADMIN, "00000000-0000-4000-8000-000000000000", null), 404, "not-found");
    assertThat(
            problem(
                send(ADMIN, (String) anonymous.get("id"), "k-" + anonymous.get("id")),
                409,
                "conflict"))
        .extractingByKey("detail")
        .asString()
        .contains("no buyer email");
    assertThat(problem(send(ADMIN, (String) voided.get("id"), null), 409, "conflict"))
        .extractingByKey("detail")
        .asString()
        .contains("is VOID");
    problem(send(null, (String) voided.get("id"), null), 401, "unauthenticated");

    assertThat(Sql.writes(db) + " " + emailRows()).isEqualTo(before);
  }

  @Test
  void sendWithoutABuyerEmailOrNotABooleanIsInvalidAtCreationAndCreatesNothing() throws Exception {
    String before = Sql.writes(db);
    Map<String, Object> noBuyer = Bodies.coffee();
    noBuyer.put("send", true);
    Map<String, Object> notBoolean = billed(Bodies.coffee(), uniqueAddress("x"), null);
    notBoolean.put("send", "yes");

    Map<String, Object> problem = problem(post(ADMIN, null, noBuyer), 400, "validation");
    assertThat(Bodies.list(problem, "errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "send"));
    problem(post(ADMIN, null, notBoolean), 400, "validation");

    assertThat(Sql.writes(db)).isEqualTo(before);
  }

  private String emailRows() throws Exception {
    return Sql.text(db, "SELECT count(*) FROM outbox WHERE channel = 'email'");
  }
}
