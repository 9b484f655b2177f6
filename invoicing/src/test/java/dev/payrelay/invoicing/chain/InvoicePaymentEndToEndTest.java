package dev.payrelay.invoicing.chain;

import static dev.payrelay.invoicing.application.InvoicingFixture.ANVIL_XPUB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.application.CreateInvoice;
import dev.payrelay.invoicing.application.InvoiceService;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import dev.payrelay.wallet.watch.ChainWatcher;
import dev.payrelay.wallet.watch.ExpectationIndex;
import dev.payrelay.wallet.watch.WatchConfig;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One real payment end to end: an invoice with a deposit address derived from anvil's xpub, paid in
 * ETH from a dev account on anvil, found by a real {@link ChainWatcher}, stored by the {@link
 * PostgresWatchSink} and applied by the {@link InvoicePaymentApplier} until the invoice is PAID.
 */
class InvoicePaymentEndToEndTest {

  static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aRealPaymentToTheDepositAddressMakesTheInvoicePaid() throws Exception {
    DevChain anvil = DevChain.shared();
    ChainId chainId = ChainId.of(anvil.chainId());
    ChainConfig devchain =
        new ChainConfig(
            chainId, "devchain", anvil.rpcUrl(), 2, Asset.ether(chainId), List.of(), List.of());
    Database db = TestDatabase.fresh(InvoicePaymentEndToEndTest.class);
    db.migrate();
    ConnectionFactory connections = InvoicingFixture.connections(db);
    ExpectationIndex index = new ExpectationIndex(chainId);
    WatcherExpectations expectations = new WatcherExpectations(Map.of(chainId, index));
    InvoiceService invoices =
        new InvoiceService(
            connections,
            Clock.systemUTC(),
            List.of(devchain),
            expectations,
            new PayLinks(URI.create("http://localhost:8080")));
    UUID store = store(db);

    Invoice invoice =
        invoices
            .create(
                new CreateInvoice(
                    store,
                    chainId.value(),
                    "ETH",
                    List.of(new CreateInvoice.LineItemRequest("Tea", "2", "0.0005", null, null)),
                    null,
                    null,
                    null,
                    null,
                    Map.of(),
                    OptionalLong.empty(),
                    new LinkedHashSet<>(List.of(PaymentMethod.DEPOSIT_ADDRESS))))
            .block(WAIT);
    PaymentOption.ToDepositAddress option =
        (PaymentOption.ToDepositAddress) invoice.paymentOptions().get(0);
    assertThat(index.size()).isEqualTo(1);

    long start = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    Web3jEthRpc rpc = Web3jEthRpc.create(RpcSettings.of(anvil.rpcUrl().toString(), chainId));
    ChainWatcher watcher =
        new ChainWatcher(
            rpc,
            index,
            new PostgresWatchSink(
                connections, new InvoicePaymentApplier(Clock.systemUTC(), expectations)),
            WatchConfig.of(devchain)
                .withPollInterval(Duration.ofMillis(100))
                .withStartBlock(start));
    watcher.start();
    try {
      new Eip1559Sender(anvil.web3j(), DevAccount.derive(9).credentials(), chainId)
          .send(option.address(), option.amount().baseUnits(), "0x");

      Invoice paid =
          await(
              invoices, store, invoice, i -> i.evaluation().status() == InvoiceStatus.PAID, anvil);
      assertThat(paid.evaluation().amountSeen()).isEqualTo(invoice.totals().total());
      awaitPayment(invoices, store, invoice, p -> p.state() == PaymentState.FINALIZED, anvil);
    } finally {
      watcher.stop();
    }

    List<Payment> payments = invoices.payments(store, invoice.id()).block(WAIT);
    assertThat(payments)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key().logIndex()).isEqualTo(-1);
              assertThat(p.amount().toDecimalString()).isEqualTo("0.001");
            });
    assertThat(index.size()).as("the watch closes once the payment is final").isZero();
  }

  private static UUID store(Database db) throws Exception {
    try (var c = db.connect();
        var insert =
            c.prepareStatement(
                "INSERT INTO stores (name, xpub, next_deposit_index) VALUES ('Shop', ?, 100)"
                    + " RETURNING id")) {
      insert.setString(1, ANVIL_XPUB);
      try (var rs = insert.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }

  /** Polls (bounded), mining blocks, until the invoice satisfies {@code done}. */
  private static Invoice await(
      InvoiceService invoices, UUID store, Invoice invoice, Predicate<Invoice> done, DevChain anvil)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Invoice now = invoices.get(store, invoice.id()).block(WAIT);
      if (done.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the invoice did not get there: " + now.evaluation());
      }
      anvil.mine(1);
      Thread.sleep(100);
    }
  }

  private static void awaitPayment(
      InvoiceService invoices, UUID store, Invoice invoice, Predicate<Payment> done, DevChain anvil)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<Payment> now = invoices.payments(store, invoice.id()).block(WAIT);
      if (now.stream().anyMatch(done)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the payment did not get there: " + now);
      }
      anvil.mine(1);
      Thread.sleep(100);
    }
  }
}
