package dev.payrelay.gateway.checkout;

import static dev.payrelay.gateway.checkout.CheckoutNode.create;
import static dev.payrelay.gateway.checkout.CheckoutNode.id;
import static dev.payrelay.gateway.checkout.CheckoutNode.invoice;
import static dev.payrelay.gateway.checkout.CheckoutNode.payPath;
import static dev.payrelay.gateway.invoices.Bodies.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * "I have paid": transaction hashes submitted from the page's form and as JSON, verified on the dev
 * chain and applied as the chain watcher applies its observations (the watcher itself is off).
 */
class CheckoutProofTest extends CheckoutApiNode {

  /** Everything a proof could change: the invoice's state and payments, and the outbox. */
  static final String WRITES =
      "SELECT concat_ws(' ', (SELECT status || '/' || amount_seen FROM invoices WHERE id = ?),"
          + " (SELECT count(*) FROM invoice_payments), (SELECT count(*) FROM outbox))";

  @Test
  void anUnknownOrMalformedHashGetsAClearMessageAndChangesNothing() throws Exception {
    Map<String, Object> created = create(http, CheckoutPagesTest.coffee());
    String path = payPath(created);
    String before = CheckoutNode.text(db, WRITES, id(created));

    String unknown = CheckoutPagesTest.randomHash();
    assertThat(proofForm(path, unknown, 422))
        .contains("role=\"alert\"", "Not recorded")
        .contains("No transaction with this hash was found on chain 1337")
        .contains("value=\"" + unknown + "\"");
    assertThat(proofForm(path, "0x1234", 400)).contains("0x followed by 64 hexadecimal digits");
    Map<String, Object> problem = proofJson(path, unknown, 422);
    assertThat(problem)
        .containsEntry("type", "urn:payrelay:problem:proof-rejected")
        .containsEntry(
            "detail",
            "No transaction with this hash was found on chain 1337. If you have just sent it, wait"
                + " until it is mined, then try again.");
    assertThat(proofJson(path, "not a hash", 400))
        .containsEntry("type", "urn:payrelay:problem:validation");

    assertThat(CheckoutNode.text(db, WRITES, id(created))).isEqualTo(before);
    assertThat(status(created)).containsEntry("state", "open");
  }

  @Test
  void aRealPaymentSubmittedAsAProofIsVerifiedAndAppliedOnce() throws Exception {
    Map<String, Object> created =
        create(http, invoice("ETH", List.of("deposit_address"), line("Tea", "1", "0.0007")));
    String tx = payDeposit(created);
    long outboxBefore = Long.parseLong(CheckoutNode.text(db, "SELECT count(*) FROM outbox"));

    Map<String, Object> answer = proofJson(payPath(created), tx, 200);

    assertThat(answer).containsEntry("outcome", "verified");
    assertThat(answer.get("message")).isEqualTo("Payment of 0.0007 ETH found and confirmed.");
    assertThat(status(created)).containsEntry("state", "paid").containsEntry("payments", 1);
    assertThat(CheckoutNode.text(db, "SELECT count(*) FROM outbox"))
        .as("the payment's and the invoice's events are in the outbox")
        .isNotEqualTo(Long.toString(outboxBefore));
    assertThat(CheckoutNode.text(db, "SELECT count(*) FROM invoice_payments WHERE tx_hash = ?", tx))
        .isEqualTo("1");

    assertThat(proofJson(payPath(created), tx.toUpperCase().replace("0X", "0x"), 200))
        .containsEntry("outcome", "already-recorded");
    assertThat(proofForm(payPath(created), tx, 200)).doesNotContain("I have paid");

    Map<String, Object> other =
        create(http, invoice("ETH", List.of("deposit_address"), line("Tea", "1", "0.0007")));
    Map<String, Object> refused = proofJson(payPath(other), tx, 422);
    assertThat(refused).containsEntry("type", "urn:payrelay:problem:proof-rejected");
    assertThat((String) refused.get("detail")).contains("another address");
    assertThat(CheckoutNode.text(db, "SELECT count(*) FROM invoice_payments WHERE tx_hash = ?", tx))
        .isEqualTo("1");
  }

  @Test
  void aPaymentOfAnotherInvoiceInAnotherCurrencyIsRefusedAndChangesNothing() throws Exception {
    Map<String, Object> paid =
        create(http, invoice("ETH", List.of("deposit_address"), line("Tea", "1", "0.0003")));
    String tx = payDeposit(paid);
    Map<String, Object> usdc = create(http, CheckoutPagesTest.coffee());
    String before = CheckoutNode.text(db, WRITES, id(usdc));

    String page = proofForm(payPath(usdc), tx, 422);

    assertThat(page).contains("role=\"alert\"");
    assertThat(CheckoutNode.text(db, WRITES, id(usdc))).isEqualTo(before);
  }

  /** Pays the invoice's deposit address its total from a dev account; the transaction's hash. */
  @SuppressWarnings("unchecked")
  private static String payDeposit(Map<String, Object> invoice) {
    Map<String, Object> option = ((List<Map<String, Object>>) invoice.get("paymentOptions")).get(0);
    String units = (String) ((Map<String, Object>) option.get("amount")).get("baseUnits");
    return DevChain.shared()
        .pay(
            DevAccount.derive(7),
            Address.parse((String) option.get("address")),
            new BigInteger(units),
            "0x");
  }

  private Map<String, Object> proofJson(String path, String txHash, int status) {
    WebTestClient.ResponseSpec response =
        http.post()
            .uri(path + "/proof")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("txHash", txHash))
            .exchange()
            .expectStatus()
            .isEqualTo(status);
    return response
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }
}
