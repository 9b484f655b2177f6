package dev.payrelay.invoicing.domain;

import static dev.payrelay.invoicing.domain.ExceptionStatus.NONE;
import static dev.payrelay.invoicing.domain.ExceptionStatus.OVERPAID;
import static dev.payrelay.invoicing.domain.ExceptionStatus.PAID_LATE;
import static dev.payrelay.invoicing.domain.ExceptionStatus.PARTIALLY_PAID;
import static dev.payrelay.invoicing.domain.InvoiceStatus.EXPIRED;
import static dev.payrelay.invoicing.domain.InvoiceStatus.OPEN;
import static dev.payrelay.invoicing.domain.InvoiceStatus.PAID;
import static dev.payrelay.invoicing.domain.InvoiceStatus.PROCESSING;
import static dev.payrelay.invoicing.domain.InvoiceStatus.VOID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Transfer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

  static final Asset ETH = Asset.ether(ChainId.MAINNET);
  static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
  static final Instant EXPIRES = CREATED.plusSeconds(3600);
  static final InvoiceTerms TERMS = new InvoiceTerms(eth("1"), EXPIRES, Optional.empty());

  static TokenAmount eth(String s) {
    return TokenAmount.parse(ETH, s);
  }

  static int tx;

  static Payment pay(String amount, PaymentState state, Instant seenAt) {
    tx++;
    return new Payment(
        new Transfer.Key(ChainId.MAINNET, TxHash.parse(String.format("0x%064x", tx)), 0),
        eth(amount),
        state,
        100,
        1,
        seenAt);
  }

  static Evaluation at(Instant now, Payment... payments) {
    return StatusRules.evaluate(TERMS, List.of(payments), now);
  }

  static final Instant DURING = CREATED.plusSeconds(60);
  static final Instant AFTER = EXPIRES.plusSeconds(60);

  @Test
  void unpaidIsOpenThenExpiresExactlyAtTheExpiry() {
    assertThat(at(DURING).status()).isEqualTo(OPEN);
    assertThat(at(EXPIRES.minusMillis(1)).status()).isEqualTo(OPEN);
    assertThat(at(EXPIRES).status()).isEqualTo(EXPIRED);
    assertThat(at(DURING).amountDue()).isEqualTo(eth("1"));
  }

  @Test
  void aFullPaymentIsProcessingUntilConfirmedThenPaid() {
    Evaluation seen = at(DURING, pay("1", PaymentState.SEEN, DURING));
    assertThat(seen.status()).isEqualTo(PROCESSING);
    assertThat(seen.exception()).isEqualTo(NONE);
    assertThat(seen.amountDue().isZero()).isTrue();
    assertThat(at(AFTER, pay("1", PaymentState.CONFIRMED, DURING)).status())
        .as("confirming after the expiry is not late: it was seen in time")
        .isEqualTo(PAID);
  }

  @Test
  void partialPaymentsAreFlaggedAndAddUp() {
    Evaluation partial = at(DURING, pay("0.4", PaymentState.CONFIRMED, DURING));
    assertThat(partial.status()).isEqualTo(OPEN);
    assertThat(partial.exception()).isEqualTo(PARTIALLY_PAID);
    assertThat(partial.amountDue()).isEqualTo(eth("0.6"));
    assertThat(at(AFTER, pay("0.4", PaymentState.CONFIRMED, DURING)).status()).isEqualTo(EXPIRED);
    Evaluation both =
        at(
            DURING,
            pay("0.4", PaymentState.CONFIRMED, DURING),
            pay("0.6", PaymentState.FINALIZED, DURING));
    assertThat(both.status()).isEqualTo(PAID);
    assertThat(both.exception()).isEqualTo(NONE);
  }

  @Test
  void overpaymentIsPaidAndFlagged() {
    Evaluation over = at(DURING, pay("1.5", PaymentState.CONFIRMED, DURING));
    assertThat(over.status()).isEqualTo(PAID);
    assertThat(over.exception()).isEqualTo(OVERPAID);
  }

  @Test
  void aPaymentCompletingTheInvoiceAfterItsExpiryIsPaidLate() {
    Evaluation late =
        at(
            AFTER,
            pay("0.5", PaymentState.CONFIRMED, DURING),
            pay("0.5", PaymentState.CONFIRMED, AFTER));
    assertThat(late.status()).isEqualTo(PAID);
    assertThat(late.exception()).isEqualTo(PAID_LATE);
  }

  @Test
  void aReorgMovesAnInvoiceBackwards() {
    assertThat(at(DURING, pay("1", PaymentState.REMOVED, DURING)).status()).isEqualTo(OPEN);
    assertThat(at(AFTER, pay("1", PaymentState.REMOVED, DURING)).status()).isEqualTo(EXPIRED);
  }

  @Test
  void voidWinsAndMoneyArrivingAnywayIsFlagged() {
    InvoiceTerms voided = new InvoiceTerms(eth("1"), EXPIRES, Optional.of(DURING));
    assertThat(StatusRules.evaluate(voided, List.of(), AFTER).status()).isEqualTo(VOID);
    Evaluation paidAnyway =
        StatusRules.evaluate(voided, List.of(pay("1", PaymentState.CONFIRMED, AFTER)), AFTER);
    assertThat(paidAnyway.status()).isEqualTo(VOID);
    assertThat(paidAnyway.exception()).isEqualTo(PAID_LATE);
  }

  @Test
  void aFreeOrderIsPaidAtOnceAndNeverExpires() {
    InvoiceTerms free = new InvoiceTerms(eth("0"), EXPIRES, Optional.empty());
    assertThat(StatusRules.evaluate(free, List.of(), DURING).status()).isEqualTo(PAID);
    assertThat(StatusRules.evaluate(free, List.of(), AFTER).status()).isEqualTo(PAID);
  }

  @Test
  void evaluationIsIdempotent() {
    Payment p = pay("0.7", PaymentState.SEEN, DURING);
    assertThat(at(DURING, p)).isEqualTo(at(DURING, p));
  }

  @Test
  void statusChangesProduceTheirEvents() {
    Evaluation open = at(DURING);
    Evaluation processing = at(DURING, pay("1", PaymentState.SEEN, DURING));
    Evaluation paid = at(DURING, pay("1.5", PaymentState.CONFIRMED, DURING));
    assertThat(InvoiceEvents.between(open, processing))
        .containsExactly(InvoiceEventType.INVOICE_PROCESSING);
    assertThat(InvoiceEvents.between(processing, paid))
        .containsExactly(InvoiceEventType.INVOICE_PAID, InvoiceEventType.INVOICE_OVERPAID);
    assertThat(InvoiceEvents.between(open, at(AFTER)))
        .containsExactly(InvoiceEventType.INVOICE_EXPIRED);
    assertThat(InvoiceEvents.between(paid, paid)).isEmpty();
  }
}
