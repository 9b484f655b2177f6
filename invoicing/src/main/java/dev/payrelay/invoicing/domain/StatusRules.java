package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Recomputes an invoice's status from scratch, so the same payments and clock always give the same
 * answer and a reorg can move an invoice backwards (PROCESSING to OPEN) until its payment is final.
 *
 * <ul>
 *   <li>voided: VOID, with PAID_LATE if money arrived anyway;
 *   <li>a total of zero (a free order): PAID at once;
 *   <li>nothing seen: OPEN before the expiry, EXPIRED from it on;
 *   <li>less than the total seen: OPEN or EXPIRED, PARTIALLY_PAID;
 *   <li>the total seen: PAID once the confirmed payments cover it, PROCESSING before; PAID_LATE if
 *       the payment that completed it was first seen at or after the expiry, else OVERPAID if more
 *       than the total arrived.
 * </ul>
 */
public final class StatusRules {

  private StatusRules() {}

  public static Evaluation evaluate(InvoiceTerms terms, List<Payment> payments, Instant now) {
    TokenAmount total = terms.total();
    List<Payment> counted =
        payments.stream()
            .filter(p -> p.state().counts())
            .sorted(Comparator.comparing(Payment::firstSeenAt))
            .toList();
    TokenAmount seen = TokenAmount.zero(total.asset());
    TokenAmount confirmed = TokenAmount.zero(total.asset());
    Instant completedAt = null;
    for (Payment p : counted) {
      seen = seen.plus(p.amount());
      if (p.state().confirmed()) {
        confirmed = confirmed.plus(p.amount());
      }
      if (completedAt == null && seen.compareTo(total) >= 0) {
        completedAt = p.firstSeenAt();
      }
    }
    TokenAmount due =
        seen.compareTo(total) >= 0 ? TokenAmount.zero(total.asset()) : total.minus(seen);
    boolean expired = !now.isBefore(terms.expiresAt());

    if (terms.voidedAt().isPresent()) {
      ExceptionStatus e = seen.isZero() ? ExceptionStatus.NONE : ExceptionStatus.PAID_LATE;
      return new Evaluation(InvoiceStatus.VOID, e, seen, confirmed, due);
    }
    if (total.isZero()) {
      ExceptionStatus e = seen.isZero() ? ExceptionStatus.NONE : ExceptionStatus.OVERPAID;
      return new Evaluation(InvoiceStatus.PAID, e, seen, confirmed, due);
    }
    if (seen.isZero()) {
      return new Evaluation(
          expired ? InvoiceStatus.EXPIRED : InvoiceStatus.OPEN,
          ExceptionStatus.NONE,
          seen,
          confirmed,
          due);
    }
    if (completedAt == null) {
      return new Evaluation(
          expired ? InvoiceStatus.EXPIRED : InvoiceStatus.OPEN,
          ExceptionStatus.PARTIALLY_PAID,
          seen,
          confirmed,
          due);
    }
    InvoiceStatus status =
        confirmed.compareTo(total) >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PROCESSING;
    ExceptionStatus exception;
    if (!completedAt.isBefore(terms.expiresAt())) {
      exception = ExceptionStatus.PAID_LATE;
    } else if (seen.compareTo(total) > 0) {
      exception = ExceptionStatus.OVERPAID;
    } else {
      exception = ExceptionStatus.NONE;
    }
    return new Evaluation(status, exception, seen, confirmed, due);
  }
}
