package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;
import java.util.List;

/**
 * An invoice's priced lines and its totals, each the exact sum of the lines' parts in base units:
 * {@code total = subtotal - discountTotal + taxTotal}.
 */
public record Totals(
    List<PricedLine> lines,
    TokenAmount subtotal,
    TokenAmount discountTotal,
    TokenAmount taxTotal,
    TokenAmount total) {

  public Totals {
    lines = List.copyOf(lines);
  }
}
