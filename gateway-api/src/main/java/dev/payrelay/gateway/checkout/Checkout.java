package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import java.util.List;

/** What a pay link shows: the invoice (re-evaluated against the clock), its store and payments. */
record Checkout(String storeName, Invoice invoice, List<Payment> payments) {

  Checkout {
    payments = List.copyOf(payments);
  }

  PageState state() {
    return PageState.of(invoice.evaluation());
  }
}
