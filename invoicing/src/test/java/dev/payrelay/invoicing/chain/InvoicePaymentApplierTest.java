package dev.payrelay.invoicing.chain;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static dev.payrelay.invoicing.chain.ApplierFixture.confirmed;
import static dev.payrelay.invoicing.chain.ApplierFixture.finalized;
import static dev.payrelay.invoicing.chain.ApplierFixture.remined;
import static dev.payrelay.invoicing.chain.ApplierFixture.removed;
import static dev.payrelay.invoicing.chain.ApplierFixture.seen;
import static dev.payrelay.invoicing.chain.ApplierFixture.transfer;
import static org.assertj.core.api.Assertions.assertThat;

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

/** How observed payments move invoices, through the real sink, on a real PostgreSQL. */
class InvoicePaymentApplierTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static InvoicingFixture fx;
  static ApplierFixture chain;
  static UUID store;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoicePaymentApplierTest.class);
    chain = new ApplierFixture(fx);
    store = fx.store(RECEIVING, null);
  }

  @Test
  void aPaymentSeenThenConfirmedMakesTheInvoiceProcessingThenPaid() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 100);

    chain.accept(100, seen(invoice, t));
    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.PROCESSING);
    assertThat(payments(invoice))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(PaymentState.SEEN);
              assertThat(p.firstSeenAt()).isEqualTo(fx.clock.instant());
              assertThat(p.confirmations()).isEqualTo(1);
            });

    chain.accept(105);
    assertThat(payments(invoice).get(0).confirmations()).isEqualTo(6);

    chain.accept(111, confirmed(invoice, t));
    Evaluation paid = evaluation(invoice);
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.exception()).isEqualTo(ExceptionStatus.NONE);
    assertThat(paid.amountConfirmed().toDecimalString()).isEqualTo("10");
    assertThat(fx.expectations.isOpen(invoice.id().toString())).isTrue();

    chain.accept(200, finalized(invoice, t));
    assertThat(payments(invoice).get(0).state()).isEqualTo(PaymentState.FINALIZED);
    assertThat(fx.expectations.isOpen(invoice.id().toString())).isFalse();
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created",
            "payment.detected",
            "invoice.processing",
            "payment.confirmed",
            "invoice.paid");
  }

  @Test
  void lessThanTheTotalIsPartiallyPaidAndTheRestCompletesIt() {
    Invoice invoice = create("10");
    Transfer first = transfer(invoice, 4_000_000, 300);
    Transfer second = transfer(invoice, 6_000_000, 301);

    chain.accept(300, seen(invoice, first));
    Evaluation partial = evaluation(invoice);
    assertThat(partial.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(partial.exception()).isEqualTo(ExceptionStatus.PARTIALLY_PAID);
    assertThat(partial.amountDue().toDecimalString()).isEqualTo("6");

    chain.accept(301, seen(invoice, second));
    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.PROCESSING);
    assertThat(evaluation(invoice).exception()).isEqualTo(ExceptionStatus.NONE);
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created",
            "payment.detected",
            "invoice.partially_paid",
            "payment.detected",
            "invoice.processing");
  }

  @Test
  void moreThanTheTotalIsOverpaid() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_500_000, 400);

    chain.accept(411, seen(invoice, t), confirmed(invoice, t));

    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(evaluation(invoice).exception()).isEqualTo(ExceptionStatus.OVERPAID);
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created",
            "payment.detected",
            "payment.confirmed",
            "invoice.paid",
            "invoice.overpaid");
  }

  @Test
  void aPaymentAfterTheExpiryIsPaidLate() {
    Invoice invoice = create("10");
    fx.clock.advance(Duration.ofHours(2));
    Transfer t = transfer(invoice, 10_000_000, 500);

    chain.accept(500, seen(invoice, t));

    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.PROCESSING);
    assertThat(evaluation(invoice).exception()).isEqualTo(ExceptionStatus.PAID_LATE);
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created",
            "invoice.expired",
            "payment.detected",
            "invoice.processing",
            "invoice.paid_late");
  }

  @Test
  void aReorgMovesTheInvoiceBackToOpenAndTheRemineKeepsTheFirstSighting() {
    Invoice invoice = create("10");
    Transfer t = transfer(invoice, 10_000_000, 600);
    chain.accept(600, seen(invoice, t));
    var firstSeen = payments(invoice).get(0).firstSeenAt();
    fx.clock.advance(Duration.ofSeconds(30));

    chain.accept(601, removed(invoice, t));
    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(payments(invoice).get(0).state()).isEqualTo(PaymentState.REMOVED);
    assertThat(payments(invoice).get(0).confirmations()).isZero();

    chain.accept(602, seen(invoice, remined(t, 602)));
    assertThat(evaluation(invoice).status()).isEqualTo(InvoiceStatus.PROCESSING);
    assertThat(payments(invoice))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.firstSeenAt()).isEqualTo(firstSeen);
              assertThat(p.blockNumber()).isEqualTo(602);
            });
    assertThat(chain.events(invoice))
        .containsExactly(
            "invoice.created",
            "payment.detected",
            "invoice.processing",
            "payment.reorged",
            "payment.detected",
            "invoice.processing");
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
