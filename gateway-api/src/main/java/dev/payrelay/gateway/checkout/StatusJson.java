package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.domain.Evaluation;

/**
 * The contract's {@code CheckoutStatus}: what the live status line of a pay link needs, sent as
 * Server-Sent Events and answered by {@code GET /pay/<token>/status}.
 *
 * @param state the page state: open, partial, processing, paid, expired, void
 * @param label what the status line says, e.g. "Paid"
 * @param payments how many payments are recorded (a new one changes the receipt)
 */
record StatusJson(
    String state,
    String label,
    String status,
    String exception,
    String amountPaid,
    String amountDue,
    int payments) {

  static StatusJson of(Checkout checkout) {
    Evaluation e = checkout.invoice().evaluation();
    PageState state = checkout.state();
    return new StatusJson(
        state.css(),
        state.label(),
        e.status().name(),
        e.exception().name(),
        CheckoutViews.money(e.amountSeen()),
        CheckoutViews.money(e.amountDue()),
        checkout.payments().size());
  }
}
