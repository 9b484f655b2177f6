package dev.payrelay.settlement;

import dev.payrelay.settlement.message.InvoiceSummary;
import dev.payrelay.wallet.payment.Expectation;
import java.util.List;
import java.util.Objects;

/**
 * A home node's invoice as settlement sees it.
 *
 * @param expectations how it may be paid: one per payment option (asset and route), as the chain
 *     must show it
 * @param summary its current state, for receipts
 */
public record LedgerInvoice(List<Expectation> expectations, InvoiceSummary summary) {
  public LedgerInvoice {
    expectations = List.copyOf(expectations);
    Objects.requireNonNull(summary, "summary");
  }
}
