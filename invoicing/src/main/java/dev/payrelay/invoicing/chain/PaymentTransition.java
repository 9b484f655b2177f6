package dev.payrelay.invoicing.chain;

import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.wallet.watch.PaymentObservation;
import java.util.List;
import java.util.Optional;

/**
 * What one watcher observation does to a recorded payment: its next state and the payment events
 * that says so. Pure, and idempotent: an observation that tells nothing new (a replay, a seen after
 * confirmed, anything after final) changes nothing.
 *
 * <pre>
 * before \ observed   Seen                 Confirmed                 Finalized                 Removed
 * none / REMOVED      SEEN +detected       CONFIRMED +det,+conf      FINALIZED +det,+conf      -
 * SEEN                SEEN (new block)     CONFIRMED +confirmed      FINALIZED +confirmed      REMOVED +reorged
 * CONFIRMED           -                    -                         FINALIZED                 REMOVED +reorged
 * FINALIZED           -                    -                         -                         -
 * </pre>
 */
final class PaymentTransition {

  private static final InvoiceEventType DETECTED = InvoiceEventType.PAYMENT_DETECTED;
  private static final InvoiceEventType CONFIRMED = InvoiceEventType.PAYMENT_CONFIRMED;
  private static final InvoiceEventType REORGED = InvoiceEventType.PAYMENT_REORGED;

  /** The payment's state after the observation, and its events in order. */
  record Step(PaymentState next, List<InvoiceEventType> events) {}

  private PaymentTransition() {}

  /**
   * @param before the payment's recorded state, or null when it is not recorded yet
   */
  static Optional<Step> of(PaymentState before, PaymentObservation observation) {
    boolean absent = before == null || before == PaymentState.REMOVED;
    if (observation instanceof PaymentObservation.Removed) {
      return before == PaymentState.SEEN || before == PaymentState.CONFIRMED
          ? step(PaymentState.REMOVED, REORGED)
          : Optional.empty();
    }
    if (before == PaymentState.FINALIZED) {
      return Optional.empty();
    }
    if (observation instanceof PaymentObservation.Seen) {
      if (absent) {
        return step(PaymentState.SEEN, DETECTED);
      }
      return before == PaymentState.SEEN ? step(PaymentState.SEEN) : Optional.empty();
    }
    PaymentState next =
        observation instanceof PaymentObservation.Finalized
            ? PaymentState.FINALIZED
            : PaymentState.CONFIRMED;
    if (absent) {
      return step(next, DETECTED, CONFIRMED);
    }
    if (before == PaymentState.SEEN) {
      return step(next, CONFIRMED);
    }
    return next == PaymentState.FINALIZED ? step(next) : Optional.empty();
  }

  private static Optional<Step> step(PaymentState next, InvoiceEventType... events) {
    return Optional.of(new Step(next, List.of(events)));
  }
}
