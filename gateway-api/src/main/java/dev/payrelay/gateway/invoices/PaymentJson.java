package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.invoices.InvoiceJson.MoneyJson;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import java.time.Instant;
import java.util.List;

/**
 * The contract's {@code Payment}: one on-chain transfer applied to an invoice.
 *
 * @param late first seen at or after the invoice's expiry, or after it was voided
 */
record PaymentJson(
    long chainId,
    String txHash,
    long logIndex,
    long blockNumber,
    MoneyJson amount,
    long confirmations,
    String state,
    boolean late,
    Instant seenAt) {

  static PaymentJson of(Invoice invoice, Payment payment) {
    Instant seen = payment.firstSeenAt();
    boolean late =
        !seen.isBefore(invoice.expiresAt())
            || invoice.voidedAt().map(voided -> !seen.isBefore(voided)).orElse(false);
    return new PaymentJson(
        payment.key().chain().value(),
        payment.key().tx().toString(),
        payment.key().logIndex(),
        payment.blockNumber(),
        MoneyJson.of(payment.amount()),
        payment.confirmations(),
        payment.state().name(),
        late,
        seen);
  }

  /** {@code PaymentList}: oldest first. */
  record ListJson(List<PaymentJson> data) {
    static ListJson of(Invoice invoice, List<Payment> payments) {
      return new ListJson(payments.stream().map(p -> PaymentJson.of(invoice, p)).toList());
    }
  }
}
