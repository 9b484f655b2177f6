package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.testing.ReceivedEmail;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The receipt: a real payment on the dev chain to the invoice's deposit address, found by the
 * node's chain watcher, makes the invoice PAID, and the buyer gets the receipt email with the
 * payment's transaction, after the invoice email.
 */
class ReceiptEmailTest extends EmailNode {

  static final Duration PAY_WAIT = Duration.ofSeconds(60);

  @Test
  void aPaymentOnTheDevChainMakesTheInvoicePaidAndEmailsTheReceipt() throws Exception {
    String dora = uniqueAddress("dora");
    Map<String, Object> body =
        billed(Bodies.invoice("ETH", Bodies.line("Tea", "2", "0.0005")), dora, true);
    body.put("paymentMethods", List.of("deposit_address"));
    Map<String, Object> invoice = create(body);
    String id = (String) invoice.get("id");
    Map<String, Object> option = Bodies.list(invoice, "paymentOptions").get(0);
    awaitEmailTo(dora);

    DevChain anvil = DevChain.shared();
    Map<String, Object> amount = Bodies.at(option, "amount");
    String tx =
        anvil.pay(
            DevAccount.derive(7),
            Address.parse((String) option.get("address")),
            new BigInteger((String) amount.get("baseUnits")),
            "0x");
    awaitPaid(id, anvil);

    Map<String, Object> done =
        awaitInvoice(id, emailsAre(2, "sent"), "the receipt's status 'sent'");
    assertThat(emails(done)).extracting(e -> e.get("kind")).containsExactly("invoice", "receipt");
    List<ReceivedEmail> received = emailsTo(dora);
    assertThat(received).hasSize(2);
    ReceivedEmail receipt = received.get(1);
    String number = (String) invoice.get("number");
    assertThat(receipt.subject()).isEqualTo("Receipt for " + number + " from Default store");
    assertThat(receipt.text()).contains("received your payment of 0.001 ETH", "Tea", tx);
    assertThat(receipt.html()).contains("<strong>0.001 ETH</strong>", tx);
    URI payLink = URI.create(Bodies.at(invoice, "payLink.url"));
    assertThat(receipt.linkFromHtml("receipt-link")).isEqualTo(payLink);
    assertThat(receipt.payLinkFromText()).isEqualTo(payLink);
    assertEachArrivedOnce(dora, 2);
  }

  /** Mines blocks (bounded) until the node's watcher has made the invoice PAID. */
  private void awaitPaid(String id, DevChain anvil) throws InterruptedException {
    long deadline = System.nanoTime() + PAY_WAIT.toNanos();
    while (true) {
      Map<String, Object> now = json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk());
      if ("PAID".equals(now.get("status"))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the invoice was not PAID within " + PAY_WAIT + ": " + now);
      }
      anvil.mine(1);
      Thread.sleep(200);
    }
  }
}
