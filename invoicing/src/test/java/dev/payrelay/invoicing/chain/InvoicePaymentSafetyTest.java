package dev.payrelay.invoicing.chain;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static dev.payrelay.invoicing.chain.ApplierFixture.confirmed;
import static dev.payrelay.invoicing.chain.ApplierFixture.finalized;
import static dev.payrelay.invoicing.chain.ApplierFixture.seen;
import static dev.payrelay.invoicing.chain.ApplierFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.application.InvoiceStateException;
import dev.payrelay.invoicing.application.InvoicingFixture;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.wallet.payment.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What the applier must never do: apply a transfer twice or to two invoices, keep half a batch,
 * stop watching a payment that may still change.
 */
class InvoicePaymentSafetyTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static InvoicingFixture fx;
  static ApplierFixture chain;
  static UUID store;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoicePaymentSafetyTest.class);
    chain = new ApplierFixture(fx);
    store = fx.store(RECEIVING, null);
  }

  @Test
  void aTransferAlreadyAppliedToOneInvoiceIsNeverAppliedToAnother() {
    Invoice first = create("10");
    Invoice second = create("10");
    Transfer t = transfer(first, 10_000_000, 700);
    chain.accept(700, seen(first, t));

    chain.accept(701, seen(second, t), confirmed(second, t));

    assertThat(payments(second)).isEmpty();
    assertThat(evaluation(second).status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(chain.events(second)).containsExactly("invoice.created");
    assertThat(payments(first))
        .singleElement()
        .extracting(Payment::state)
        .isEqualTo(PaymentState.SEEN);
    assertThat(fx.count("SELECT count(*) FROM invoice_payments WHERE tx_hash = '" + t.tx() + "'"))
        .isEqualTo(1);
  }

  @Test
  void aReplayedBatchChangesNothing() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 800);
    var batch = ApplierFixture.batch(811, seen(invoice, t), confirmed(invoice, t));

    chain.sink.accept(batch).block(WAIT);
    chain.sink.accept(batch).block(WAIT);

    assertThat(payments(invoice)).hasSize(1);
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created", "payment.detected", "payment.confirmed", "invoice.paid");
  }

  @Test
  void observationsForUnknownInvoicesAreIgnored() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 900);
    var stranger =
        new dev.payrelay.wallet.watch.PaymentObservation.Seen(t, UUID.randomUUID().toString(), 1);
    var notAnId = new dev.payrelay.wallet.watch.PaymentObservation.Seen(t, "inv-x", 1);

    chain.accept(900, stranger, notAnId);

    assertThat(fx.count("SELECT count(*) FROM invoice_payments WHERE tx_hash = '" + t.tx() + "'"))
        .isZero();
  }

  @Test
  void aFailingBatchLeavesNoPaymentNoEventAndNoObservation() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 1000);
    InvoicePaymentApplier applier = new InvoicePaymentApplier(fx.clock, fx.expectations);
    PostgresWatchSink failing =
        new PostgresWatchSink(
            fx.connections,
            (batch, db) ->
                applier.apply(batch, db).then(Mono.error(new IllegalStateException("boom"))));

    assertThatThrownBy(
            () ->
                failing
                    .accept(ApplierFixture.batch(1011, seen(invoice, t), confirmed(invoice, t)))
                    .block(WAIT))
        .hasMessageContaining("boom");

    assertThat(payments(invoice)).isEmpty();
    assertThat(chain.events(invoice)).containsExactly("invoice.created");
    assertThat(fx.strings("SELECT status FROM invoices WHERE id = '" + invoice.id() + "'"))
        .containsExactly("open");
    assertThat(fx.count("SELECT count(*) FROM chain_observations WHERE tx_hash = '" + t.tx() + "'"))
        .isZero();
  }

  @Test
  void aPaidInvoiceCannotBeVoided() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 1100);
    chain.accept(1111, seen(invoice, t), confirmed(invoice, t));

    assertThatThrownBy(() -> fx.invoices.voidInvoice(store, invoice.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("is PAID");
  }

  @Test
  void aVoidedInvoiceWithAPendingPaymentStaysWatchedUntilThePaymentIsFinal() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 4_000_000, 1200);
    chain.accept(1200, seen(invoice, t));

    Invoice voided = fx.invoices.voidInvoice(store, invoice.id()).block(WAIT);
    assertThat(voided.evaluation().status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(voided.evaluation().exception()).isEqualTo(ExceptionStatus.PAID_LATE);
    assertThat(fx.expectations.isOpen(invoice.id().toString())).isTrue();

    chain.accept(1300, finalized(invoice, t));
    assertThat(fx.expectations.isOpen(invoice.id().toString())).isFalse();
    assertThat(payments(invoice).get(0).confirmations()).isEqualTo(101);
  }

  private static Invoice create(String amount) {
    return fx.invoices.create(usdc(store, amount)).block(WAIT);
  }

  private static Evaluation evaluation(Invoice invoice) {
    return fx.invoices.get(store, invoice.id()).block(WAIT).evaluation();
  }

  private static List<Payment> payments(Invoice invoice) {
    return fx.invoices.payments(store, invoice.id()).block(WAIT);
  }
}
