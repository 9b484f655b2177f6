package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.ExceptionStatus;

/**
 * Which page a pay link shows, from the invoice's two status axes: the buyer cares whether to pay,
 * how much, and whether it arrived.
 */
enum PageState {
  /** Nothing arrived yet: pay the total. */
  OPEN("Awaiting payment", true),
  /** Less than the total arrived: pay the rest. */
  PARTIAL("Partially paid", true),
  /** The total arrived and waits for confirmations. */
  PROCESSING("Payment received, waiting for confirmations", false),
  PAID("Paid", false),
  EXPIRED("Expired", false),
  VOID("Cancelled by the merchant", false);

  private final String label;
  private final boolean payable;

  PageState(String label, boolean payable) {
    this.label = label;
    this.payable = payable;
  }

  /** What the status line says, e.g. "Paid". */
  String label() {
    return label;
  }

  /** Whether the page offers ways to pay. */
  boolean payable() {
    return payable;
  }

  /** Whether the "I have paid" form is offered: while paying, and for a payment sent in time. */
  boolean takesProofs() {
    return this != VOID && this != PAID;
  }

  String css() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static PageState of(Evaluation e) {
    switch (e.status()) {
      case VOID:
        return VOID;
      case PAID:
        return PAID;
      case EXPIRED:
        return EXPIRED;
      case PROCESSING:
        return PROCESSING;
      case OPEN:
      default:
        return e.exception() == ExceptionStatus.PARTIALLY_PAID ? PARTIAL : OPEN;
    }
  }
}
