package dev.payrelay.gateway.checkout;

import static dev.payrelay.gateway.checkout.CheckoutNode.create;
import static dev.payrelay.gateway.checkout.CheckoutNode.id;
import static dev.payrelay.gateway.checkout.CheckoutNode.invoice;
import static dev.payrelay.gateway.checkout.CheckoutNode.payPath;
import static dev.payrelay.gateway.invoices.Bodies.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The pay link's pages per invoice state, with their headers, escaping and PDFs. */
class CheckoutPagesTest extends CheckoutApiNode {

  @LocalServerPort int port;

  @Test
  void showsTheStoreItemsTotalsAndAQrCodePerPaymentMethod() {
    Map<String, Object> line = line("Espresso beans 1 kg", "2", "0.0125");
    line.put("taxRate", "8.25");
    line.put("discount", "0.001");
    Map<String, Object> body = invoice("ETH", List.of("reference", "deposit_address"), line);
    body.put("buyer", Map.of("name", "Ada Lovelace"));
    Map<String, Object> created = create(http, body);

    String page = html(payPath(created), 200).getResponseBody();

    assertThat(page)
        .contains("Corner Café", (String) created.get("number"), "Espresso beans 1 kg")
        .contains(money(created, "total") + " ETH", money(created, "taxTotal") + " ETH")
        .contains("−0.001 ETH", "8.25 %", "Ada Lovelace", "devchain (chain 1337)")
        .contains("Awaiting payment", "Pay with browser wallet", "I have paid");
    assertThat(count(page, "<svg")).as("one QR code per payment method").isEqualTo(2);
    assertThat(page).contains(option(created, 0, "reference"), option(created, 1, "address"));
    assertThat(page).contains("ethereum:").contains("/transferWithReferenceAndFee?");
    assertThat(page)
        .as("everything comes from the node itself")
        .doesNotContainPattern("(src|href|action)=\"(https?:)?//")
        .doesNotContain("<script>", "style=");
  }

  @Test
  void answersWithStrictSecurityHeadersAndServesItsOwnScriptAndStyle() {
    String path = payPath(create(http, coffee()));
    HttpHeaders headers = html(path, 200).getResponseHeaders();
    String csp = headers.getFirst("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
        .contains("frame-ancestors 'none'", "form-action 'self'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getCacheControl()).isEqualTo("no-store");

    for (String asset : List.of("/checkout/checkout.js", "/checkout/checkout.css")) {
      EntityExchangeResult<byte[]> result =
          http.get().uri(asset).exchange().expectStatus().isOk().expectBody().returnResult();
      assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options"))
          .isEqualTo("nosniff");
      assertThat(result.getResponseBody()).isNotEmpty();
    }
  }

  @Test
  void escapesMerchantTextEverywhere() {
    Map<String, Object> body =
        invoice(
            "USDC",
            List.of("deposit_address"),
            line("<script>alert('item')</script> & \"more\"", "1", "1"));
    body.put("memo", "<img src=x onerror=alert(1)>");
    body.put("buyer", Map.of("name", "</title><script>alert(2)</script>"));
    String page = html(payPath(create(http, body)), 200).getResponseBody();

    assertThat(page)
        .doesNotContain("<script>alert", "<img src=x", "</title><script>")
        .contains("&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  void aMalformedOrUnknownTokenGetsTheSamePlainNotFoundPage() {
    String unknown = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    EntityExchangeResult<String> first = html("/pay/" + unknown, 404);
    String page = first.getResponseBody();
    for (String token : List.of("short", "%3Cscript%3E", "A".repeat(200), "_".repeat(32))) {
      assertThat(html("/pay/" + token, 404).getResponseBody()).isEqualTo(page);
    }
    assertThat(page).contains("Payment link not found").doesNotContain(unknown, "INV-");
    assertThat(first.getResponseHeaders().getFirst("Content-Security-Policy")).isNotBlank();
    assertThat(first.getResponseHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

    http.get()
        .uri("/pay/" + unknown + "/status")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get().uri("/pay/" + unknown + "/invoice.pdf").exchange().expectStatus().isNotFound();
  }

  @Test
  void anExpiredInvoiceShowsItsExpiredPage() throws Exception {
    Map<String, Object> created = create(http, coffee());
    CheckoutNode.update(
        db,
        "UPDATE invoices SET created_at = now() - interval '2 hours',"
            + " expires_at = now() - interval '1 hour' WHERE id = ?",
        id(created));

    String page = html(payPath(created), 200).getResponseBody();

    assertThat(page)
        .contains("This invoice has expired", ">Expired<", "I have paid")
        .doesNotContain("<svg", "Pay with browser wallet");
    assertThat(status(created))
        .containsEntry("state", "expired")
        .containsEntry("status", "EXPIRED");
  }

  @Test
  void aVoidedInvoiceShowsItsVoidPageAndTakesNoProofs() {
    Map<String, Object> created = create(http, coffee());
    http.post()
        .uri("/v1/invoices/{id}/void", created.get("id"))
        .headers(h -> h.setBearerAuth(TestNode.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isOk();

    String page = html(payPath(created), 200).getResponseBody();

    assertThat(page)
        .contains("This invoice was cancelled", "Cancelled by the merchant")
        .doesNotContain("<svg", "I have paid", "Pay with browser wallet");
    String answer = proofForm(payPath(created), "0x" + "ab".repeat(32), 409);
    assertThat(answer).contains("cancelled by the merchant and takes no payments");
  }

  @Test
  void aPaidInvoiceShowsItsReceiptWithLinksToTheExplorerAndPdfsThatParse() throws Exception {
    Map<String, Object> created = create(http, coffee());
    String path = payPath(created);
    http.get().uri(path + "/receipt.pdf").exchange().expectStatus().isEqualTo(409);
    String tx = CheckoutNode.pay(db, id(created), 4_500_000);

    String page = html(path, 200).getResponseBody();

    assertThat(page)
        .contains(">Paid<", "Receipt", "4.5 USDC", tx, "https://explorer.example/tx/" + tx)
        .contains("receipt.pdf")
        .doesNotContain("<svg", "I have paid");
    String invoicePdf = PdfTexts.of(pdf(path + "/invoice.pdf"));
    assertThat(invoicePdf)
        .contains(
            "Invoice " + created.get("number"), "Flat white", "Total: 4.5 USDC", "Corner Caf");
    String receiptPdf = PdfTexts.of(pdf(path + "/receipt.pdf"));
    assertThat(receiptPdf)
        .contains("Receipt", "Amount paid: 4.5 USDC", "Total: 4.5 USDC", tx)
        .contains("https://explorer.example/tx/" + tx);
  }

  @Test
  void aPartlyPaidInvoiceAsksForTheRestWithFreshQrCodes() throws Exception {
    Map<String, Object> created = create(http, coffee());
    CheckoutNode.pay(db, id(created), 1_000_000);

    String page = html(payPath(created), 200).getResponseBody();

    assertThat(page)
        .contains(">Partially paid<", "Pay the remaining 3.5 USDC", "Payments received")
        .contains("uint256=3500000");
    assertThat(count(page, "<svg")).isEqualTo(2);
    assertThat(status(created))
        .containsEntry("state", "partial")
        .containsEntry("amountPaid", "1 USDC")
        .containsEntry("amountDue", "3.5 USDC");
  }

  @Test
  void theStatusEndpointFollowsTheInvoice() throws Exception {
    Map<String, Object> created = create(http, coffee());
    assertThat(status(created))
        .containsEntry("state", "open")
        .containsEntry("label", "Awaiting payment")
        .containsEntry("payments", 0);
    CheckoutNode.pay(db, id(created), 4_500_000);
    assertThat(status(created))
        .containsEntry("state", "paid")
        .containsEntry("label", "Paid")
        .containsEntry("payments", 1);
  }

  @Test
  void theEventStreamSendsTheStatusNowAndAtEachChange() throws Exception {
    Map<String, Object> created = create(http, coffee());
    WebTestClient plain = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    Flux<ServerSentEvent<Map<String, Object>>> events =
        plain
            .get()
            .uri(payPath(created) + "/events")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("Content-Security-Policy")
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
            .getResponseBody()
            .filter(e -> e.data() != null);

    StepVerifier.create(events)
        .assertNext(
            e -> {
              assertThat(e.event()).isEqualTo("status");
              assertThat(e.data()).containsEntry("state", "open");
            })
        .then(() -> payQuietly(created, 4_500_000))
        .assertNext(
            e -> assertThat(e.data()).containsEntry("state", "paid").containsEntry("label", "Paid"))
        .thenCancel()
        .verify(Duration.ofSeconds(20));
  }

  private static void payQuietly(Map<String, Object> created, long baseUnits) {
    try {
      CheckoutNode.pay(db, id(created), baseUnits);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
