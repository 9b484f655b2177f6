package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Asset;
import java.util.List;
import java.util.Map;

/** A {@link CreateInvoice} that passed every rule: priced, with its defaults filled in. */
record ParsedInvoice(
    ChainConfig chain,
    Asset currency,
    Totals totals,
    Invoice.Buyer buyer,
    String memo,
    String orderId,
    Map<String, String> metadata,
    long expiresInSeconds,
    List<PaymentMethod> methods) {

  boolean accepts(PaymentMethod method) {
    return methods.contains(method);
  }
}
