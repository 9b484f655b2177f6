package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.at;
import static dev.payrelay.gateway.invoices.Bodies.line;
import static dev.payrelay.gateway.invoices.Bodies.list;
import static dev.payrelay.gateway.invoices.Bodies.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Create, read, void and the payments of one invoice, over real HTTP. */
class InvoiceLifecycleTest extends InvoiceNode {

  static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  /** 2 × 19.99 at 8.25 %, 5.00 less 0.50 at 8.25 %, and a line that rounds half-up twice. */
  static Map<String, Object> order() {
    Map<String, Object> body =
        Bodies.invoice(
            "USDC",
            line("Widget", "2", "19.99", "8.25", null),
            line("Gift wrap", "1", "5", "8.25", "0.5"),
            line("Sample", "0.333333", "0.01", "7.5", null));
    body.put("buyer", Map.of("name", "Ada Lovelace", "email", "ada@example.com"));
    body.put("memo", "Thanks!\nSee you soon.");
    body.put("orderId", "order-1042");
    body.put("metadata", Map.of("table", "7", "channel", "pos"));
    body.put("expiresInSeconds", 900);
    body.put("paymentMethods", List.of("reference", "deposit_address"));
    return body;
  }

  @Test
  void createsAnInvoiceWithExactTotalsItsNumberPaymentOptionsAndPayLink() throws Exception {
    long next = Sql.number(db, "SELECT next_invoice_number FROM stores WHERE is_default");
    var response = post(ADMIN, null, order()).expectStatus().isCreated();
    Map<String, Object> invoice = json(response);
    String id = (String) invoice.get("id");
    response.expectHeader().valueEquals(HttpHeaders.LOCATION, "/v1/invoices/" + id);

    assertThat(invoice.get("number")).isEqualTo(String.format("INV-%06d", next));
    assertThat(invoice).containsEntry("status", "OPEN").containsEntry("exception", "NONE");
    assertThat(at(invoice, "currency.asset").toString())
        .isEqualTo("eip155:1337/erc20:" + USDC.toLowerHex());
    List<Map<String, Object>> lines = list(invoice, "lineItems");
    assertThat(lines).hasSize(3);
    assertThat(money(lines.get(0), "amount")).isEqualTo("39.98/39980000");
    assertThat(money(lines.get(0), "tax")).isEqualTo("3.29835/3298350");
    assertThat(money(lines.get(0), "total")).isEqualTo("43.27835/43278350");
    assertThat(money(lines.get(1), "discount")).isEqualTo("0.5/500000");
    assertThat(money(lines.get(1), "tax")).isEqualTo("0.37125/371250");
    assertThat(money(lines.get(2), "amount")).as("3333.33 rounds down").isEqualTo("0.003333/3333");
    assertThat(money(lines.get(2), "tax")).as("249.975 rounds up").isEqualTo("0.00025/250");
    assertThat(lines.get(2))
        .containsEntry("quantity", "0.333333")
        .containsEntry("unitPrice", "0.01")
        .containsEntry("taxRate", "7.5");
    assertThat(money(invoice, "subtotal")).isEqualTo("44.983333/44983333");
    assertThat(money(invoice, "discountTotal")).isEqualTo("0.5/500000");
    assertThat(money(invoice, "taxTotal")).isEqualTo("3.66985/3669850");
    assertThat(money(invoice, "total")).isEqualTo("48.153183/48153183");
    assertThat(money(invoice, "amountPaid")).isEqualTo("0/0");
    assertThat(money(invoice, "amountDue")).isEqualTo("48.153183/48153183");
    assertThat(invoice.get("buyer"))
        .isEqualTo(Map.of("name", "Ada Lovelace", "email", "ada@example.com"));
    assertThat(invoice).containsEntry("memo", "Thanks!\nSee you soon.");
    assertThat(invoice).containsEntry("orderId", "order-1042");
    assertThat(invoice.get("metadata")).isEqualTo(Map.of("table", "7", "channel", "pos"));
    assertThat(invoice.get("voidedAt")).isNull();
    Instant created = Instant.parse((String) invoice.get("createdAt"));
    assertThat(Instant.parse((String) invoice.get("expiresAt")))
        .isEqualTo(created.plus(Duration.ofSeconds(900)));

    assertThat(invoice.get("paymentMethods")).isEqualTo(List.of("reference", "deposit_address"));
    List<Map<String, Object>> options = list(invoice, "paymentOptions");
    Map<String, Object> reference = options.get(0);
    String ref = (String) reference.get("reference");
    String proxy = proxy().toChecksumString();
    assertThat(reference)
        .containsEntry("method", "reference")
        .containsEntry("recipient", MERCHANT.toChecksumString())
        .containsEntry("proxy", proxy)
        .containsEntry(
            "uri",
            "ethereum:"
                + proxy
                + "@1337/transferFromWithReferenceAndFee?address="
                + USDC.toChecksumString()
                + "&address="
                + MERCHANT.toChecksumString()
                + "&uint256=48153183&bytes="
                + ref
                + "&uint256=0&address="
                + ZERO_ADDRESS)
        .containsEntry(
            "approveUri",
            "ethereum:"
                + USDC.toChecksumString()
                + "@1337/approve?address="
                + proxy
                + "&uint256=48153183");
    assertThat(money(reference, "amount")).isEqualTo("48.153183/48153183");
    Map<String, Object> deposit = options.get(1);
    String address = (String) deposit.get("address");
    assertThat(deposit)
        .containsEntry("method", "deposit_address")
        .containsEntry(
            "uri",
            "ethereum:"
                + USDC.toChecksumString()
                + "@1337/transfer?address="
                + address
                + "&uint256=48153183");
    String token = at(invoice, "payLink.token");
    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    assertThat(at(invoice, "payLink.url").toString()).isEqualTo(PUBLIC_BASE_URL + "/pay/" + token);

    assertThat(json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk()))
        .as("read back, the invoice is what creating it answered")
        .isEqualTo(invoice);
  }

  @Test
  void anEtherInvoicePaysThroughTheProxyWithoutApproval() {
    Map<String, Object> invoice = create(Bodies.invoice("ETH", line("Gas", "1.5", "0.01")));
    assertThat(money(invoice, "total")).isEqualTo("0.015/15000000000000000");
    assertThat(invoice.get("paymentMethods"))
        .as("the default method")
        .isEqualTo(List.of("reference"));
    Map<String, Object> option = list(invoice, "paymentOptions").get(0);
    assertThat(option.get("approveUri")).isNull();
    assertThat((String) option.get("uri"))
        .startsWith("ethereum:" + proxy().toChecksumString() + "@1337/transferWithReferenceAndFee?")
        .endsWith("&value=15000000000000000");
    assertThat(at(invoice, "currency.asset").toString()).isEqualTo("eip155:1337/slip44:60");
  }

  @Test
  void voidsAnOpenInvoiceOnceAndThenAnswersConflict() {
    String id = (String) create(Bodies.coffee()).get("id");
    Map<String, Object> voided = json(voidIt(ADMIN, id, null).expectStatus().isOk());
    assertThat(voided).containsEntry("status", "VOID").containsEntry("id", id);
    assertThat(voided.get("voidedAt")).isNotNull();
    assertThat(json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk()))
        .containsEntry("status", "VOID");

    Map<String, Object> again = problem(voidIt(ADMIN, id, null), 409, "conflict");
    assertThat((String) again.get("detail")).contains("VOID");
  }

  @Test
  void aFullyDiscountedOrderIsPaidAtOnceAndCannotBeVoided() {
    Map<String, Object> invoice =
        create(Bodies.invoice("USDC", line("Voucher", "1", "10", "8.25", "10")));
    assertThat(money(invoice, "total")).isEqualTo("0/0");
    assertThat(money(invoice, "taxTotal")).isEqualTo("0/0");
    assertThat(invoice).containsEntry("status", "PAID").containsEntry("exception", "NONE");
    problem(voidIt(ADMIN, (String) invoice.get("id"), null), 409, "conflict");
  }

  @Test
  void aNewInvoiceHasNoPayments() {
    String id = (String) create(Bodies.coffee()).get("id");
    assertThat(json(get(ADMIN, "/v1/invoices/" + id + "/payments").expectStatus().isOk()))
        .isEqualTo(Map.of("data", List.of()));
  }

  @Test
  void anInvoiceThatDoesNotExistIsNotFoundAndABadIdIsAValidationProblem() {
    String nobody = "/v1/invoices/0b5e8f5c-3a53-4d43-9d7a-5b0f6c1e2a10";
    problem(get(ADMIN, nobody), 404, "not-found");
    problem(get(ADMIN, nobody + "/payments"), 404, "not-found");
    problem(voidIt(ADMIN, "0b5e8f5c-3a53-4d43-9d7a-5b0f6c1e2a10", null), 404, "not-found");
    for (String bad : List.of("not-a-uuid", "1-1-1-1-1", "0b5e8f5c3a534d439d7a5b0f6c1e2a10")) {
      Map<String, Object> problem = problem(get(ADMIN, "/v1/invoices/" + bad), 400, "validation");
      assertThat(problem.get("errors"))
          .isEqualTo(List.of(Map.of("field", "invoiceId", "message", "must be a UUID")));
      problem(voidIt(ADMIN, bad, null), 400, "validation");
      problem(get(ADMIN, "/v1/invoices/" + bad + "/payments"), 400, "validation");
    }
  }
}
