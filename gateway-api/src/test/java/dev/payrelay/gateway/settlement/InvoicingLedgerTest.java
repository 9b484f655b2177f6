package dev.payrelay.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.chain.InvoicePaymentApplier;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.settlement.InvoiceLedger;
import dev.payrelay.settlement.InvoiceLedgerContract;
import dev.payrelay.settlement.LedgerOutcome;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The settlement ledger over invoicing on PostgreSQL: the contract every ledger meets, and that a
 * settled transfer is a payment of the invoice like any other, with its outbox events.
 */
class InvoicingLedgerTest extends InvoiceLedgerContract {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final InvoicingFixture fx = InvoicingFixture.start(InvoicingLedgerTest.class);
  static final UUID store = fx.store(InvoicingFixture.RECEIVING, InvoicingFixture.ANVIL_XPUB);
  static final InvoiceLedger ledger =
      new InvoicingLedger(
          DatabaseClient.create(fx.connections),
          TransactionalOperator.create(new R2dbcTransactionManager(fx.connections)),
          new InvoicePaymentApplier(fx.clock, fx.expectations));

  @Override
  protected InvoiceLedger ledger() {
    return ledger;
  }

  @Override
  protected ChainId chain() {
    return InvoicingFixture.CHAIN;
  }

  @Override
  protected UUID openInvoice(Address depositAddress, BigInteger total) {
    String price = new BigDecimal(total).movePointLeft(18).toPlainString();
    Invoice invoice =
        fx.invoices
            .create(
                InvoicingFixture.request(
                    store,
                    "ETH",
                    List.of(InvoicingFixture.line("Item", "1", price)),
                    PaymentMethod.DEPOSIT_ADDRESS,
                    PaymentMethod.REFERENCE))
            .block(WAIT);
    // The contract names the deposit address; the store's key derived another one.
    fx.execute(
        "UPDATE invoices SET deposit_address = '"
            + depositAddress.toLowerHex()
            + "' WHERE id = '"
            + invoice.id()
            + "'");
    return invoice.id();
  }

  @Test
  void aSettledTransferIsAPaymentWithItsEventsAndItsRouteInTheReceipt() {
    Address deposit = Address.parse("0x" + "5e".repeat(20));
    UUID id = openInvoice(deposit, BigInteger.valueOf(2_000));

    LedgerOutcome outcome = ledger.apply(id, verified(deposit, BigInteger.valueOf(2_000))).block();

    var after = ((LedgerOutcome.Applied) outcome).after();
    assertThat(after.transfers())
        .singleElement()
        .extracting(t -> t.route())
        .isEqualTo(new PaymentRoute.ToDepositAddress(deposit));
    assertThat(fx.count("SELECT count(*) FROM invoice_payments WHERE invoice_id = '" + id + "'"))
        .isOne();
    assertThat(fx.strings("SELECT method FROM invoice_payments WHERE invoice_id = '" + id + "'"))
        .containsExactly("deposit");
    assertThat(
            fx.strings(
                "SELECT event_type FROM outbox WHERE ordering_key = '" + id + "' ORDER BY id"))
        .contains("payment.confirmed", "invoice.paid");
  }

  @Test
  void aTransferInAnotherAssetIsNotApplied() {
    Address deposit = Address.parse("0x" + "6f".repeat(20));
    UUID id = openInvoice(deposit, BigInteger.valueOf(2_000));
    var ether = verified(deposit, BigInteger.valueOf(2_000));
    var t = ether.transfer();
    var usdc =
        new dev.payrelay.wallet.payment.Transfer(
            t.chain(),
            t.tx(),
            3,
            t.blockNumber(),
            t.blockHash(),
            InvoicingFixture.USDC,
            deposit,
            dev.payrelay.wallet.core.TokenAmount.ofBaseUnits(
                InvoicingFixture.USDC, BigInteger.valueOf(2_000)),
            t.route());

    LedgerOutcome outcome =
        ledger
            .apply(id, new dev.payrelay.wallet.verify.Verification.Verified(usdc, 1, false))
            .block();

    assertThat(outcome).isInstanceOf(LedgerOutcome.NotMatching.class);
    assertThat(fx.count("SELECT count(*) FROM invoice_payments WHERE invoice_id = '" + id + "'"))
        .isZero();
  }
}
