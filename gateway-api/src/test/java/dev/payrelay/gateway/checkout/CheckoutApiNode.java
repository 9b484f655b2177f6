package dev.payrelay.gateway.checkout;

import static dev.payrelay.gateway.checkout.CheckoutNode.invoice;
import static dev.payrelay.gateway.checkout.CheckoutNode.payPath;
import static dev.payrelay.gateway.invoices.Bodies.line;

import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A node for the checkout tests over real HTTP (one context, shared by its subclasses), with the
 * chain watcher off: payments are either recorded in the database as the watcher records them, or
 * made on the dev chain and submitted as proofs. Exchanges with the JSON endpoints are validated
 * against openapi/openapi.yaml.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
abstract class CheckoutApiNode {

  static final Database db = TestDatabase.fresh("CheckoutPages");

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    CheckoutNode.register(registry, db, "checkout-pages");
    registry.add("payrelay.watch.enabled", () -> "false");
    registry.add("payrelay.checkout.proof-attempts", () -> 1000);
  }

  @Autowired WebTestClient http;

  @BeforeEach
  void store() throws Exception {
    CheckoutNode.storeTakesBothMethods(db);
  }

  static Map<String, Object> coffee() {
    return invoice(
        "USDC", List.of("reference", "deposit_address"), line("Flat white", "1", "4.50"));
  }

  EntityExchangeResult<String> html(String path, int status) {
    return http.get()
        .uri(path)
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .returnResult();
  }

  String proofForm(String path, String txHash, int status) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("txHash=" + txHash)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  Map<String, Object> status(Map<String, Object> created) {
    return http.get()
        .uri(payPath(created) + "/status")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(
            new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  byte[] pdf(String path) {
    return http.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PDF)
        .expectBody()
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  static String money(Map<String, Object> invoice, String field) {
    return (String) ((Map<String, Object>) invoice.get(field)).get("amount");
  }

  @SuppressWarnings("unchecked")
  static String option(Map<String, Object> invoice, int i, String field) {
    Map<String, Object> option = ((List<Map<String, Object>>) invoice.get("paymentOptions")).get(i);
    return (String) option.get(field);
  }

  static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static String randomHash() {
    return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
