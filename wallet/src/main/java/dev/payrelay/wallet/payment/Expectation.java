package dev.payrelay.wallet.payment;

import dev.payrelay.wallet.core.Asset;

/**
 * What an open invoice waits for, as the wallet sees it: an asset arriving by a route. The wallet
 * knows nothing else of the invoice; {@code invoiceKey} is opaque to it and handed back with every
 * match.
 */
public record Expectation(String invoiceKey, Asset asset, PaymentRoute route) {

  public Expectation {
    if (invoiceKey == null || invoiceKey.isBlank()) {
      throw new IllegalArgumentException("an expectation needs the invoice it belongs to");
    }
    if (asset == null || route == null) {
      throw new IllegalArgumentException("an expectation needs an asset and a route");
    }
  }
}
