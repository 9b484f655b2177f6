package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentState;
import java.time.Duration;
import java.util.List;

/**
 * When the chain watchers may stop looking for an invoice's payments: once nothing on chain can
 * change it any more. A payment that is seen or confirmed but not final can still be removed by a
 * reorg and found again, so it keeps its invoice watched.
 */
public final class WatchRules {

  /** How long after its expiry an unpaid invoice is still watched, to record late payments. */
  public static final Duration DEFAULT_LATE_PAYMENT_WINDOW = Duration.ofDays(7);

  private WatchRules() {}

  /** No payment of them may still change: each is final, or removed by a reorg. */
  public static boolean settled(List<Payment> payments) {
    return payments.stream()
        .noneMatch(p -> p.state() == PaymentState.SEEN || p.state() == PaymentState.CONFIRMED);
  }

  /** Whether an invoice in {@code status} with these payments closes its watch now. */
  public static boolean closesWatch(InvoiceStatus status, List<Payment> payments) {
    return (status == InvoiceStatus.PAID || status == InvoiceStatus.VOID) && settled(payments);
  }
}
