package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices an invoice's lines. The rounding rules, also written in the README and the API contract:
 *
 * <ol>
 *   <li>line amount = quantity × unit price in base units, rounded half-up to a whole base unit;
 *   <li>line discount ≤ line amount;
 *   <li>line tax = (line amount − line discount) × tax rate / 100, rounded half-up per line;
 *   <li>subtotal, discount total and tax total are the sums of the lines' values, and total =
 *       subtotal − discount total + tax total.
 * </ol>
 *
 * Every value is an integer of base units, so the total always equals the sum of its parts.
 */
public final class Pricing {

  public static final int MAX_LINE_ITEMS = 100;
  public static final int MAX_DESCRIPTION_CHARS = 500;
  public static final int MAX_QUANTITY_SCALE = 6;
  public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
  public static final int MAX_TAX_RATE_SCALE = 4;
  public static final BigDecimal MAX_TAX_RATE_PERCENT = new BigDecimal("100");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Pricing() {}

  /** Validates and prices {@code items} in {@code currency}; all violations at once. */
  public static Totals price(Asset currency, List<LineItem> items) {
    List<Violation> violations = new ArrayList<>();
    if (items == null || items.isEmpty()) {
      throw new InvalidInvoiceException("lineItems", "an invoice needs at least one line item");
    }
    if (items.size() > MAX_LINE_ITEMS) {
      throw new InvalidInvoiceException(
          "lineItems", "an invoice has at most " + MAX_LINE_ITEMS + " line items");
    }
    List<PricedLine> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      PricedLine line = priceLine(currency, items.get(i), "lineItems[" + i + "]", violations);
      if (line != null) {
        lines.add(line);
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInvoiceException(violations);
    }
    TokenAmount subtotal = TokenAmount.zero(currency);
    TokenAmount discount = TokenAmount.zero(currency);
    TokenAmount tax = TokenAmount.zero(currency);
    try {
      for (PricedLine line : lines) {
        subtotal = subtotal.plus(line.amount());
        discount = discount.plus(line.discount());
        tax = tax.plus(line.tax());
      }
      return new Totals(lines, subtotal, discount, tax, subtotal.minus(discount).plus(tax));
    } catch (InvalidValueException e) {
      throw new InvalidInvoiceException("lineItems", "the invoice total " + e.getMessage());
    }
  }

  private static PricedLine priceLine(
      Asset currency, LineItem item, String path, List<Violation> violations) {
    int before = violations.size();
    String description = item.description();
    if (description == null || description.isBlank()) {
      violations.add(new Violation(path + ".description", "must not be blank"));
    } else if (description.length() > MAX_DESCRIPTION_CHARS) {
      violations.add(
          new Violation(
              path + ".description", "must be at most " + MAX_DESCRIPTION_CHARS + " characters"));
    }
    BigDecimal quantity = item.quantity();
    if (quantity == null || quantity.signum() <= 0) {
      violations.add(new Violation(path + ".quantity", "must be greater than 0"));
    } else if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_SCALE) {
      violations.add(
          new Violation(
              path + ".quantity", "has at most " + MAX_QUANTITY_SCALE + " decimal places"));
    } else if (quantity.compareTo(MAX_QUANTITY) > 0) {
      violations.add(new Violation(path + ".quantity", "must be at most " + MAX_QUANTITY));
    }
    BigDecimal rate = item.taxRatePercent() == null ? BigDecimal.ZERO : item.taxRatePercent();
    if (rate.signum() < 0 || rate.compareTo(MAX_TAX_RATE_PERCENT) > 0) {
      violations.add(new Violation(path + ".taxRate", "must be between 0 and 100 (percent)"));
    } else if (rate.stripTrailingZeros().scale() > MAX_TAX_RATE_SCALE) {
      violations.add(
          new Violation(
              path + ".taxRate", "has at most " + MAX_TAX_RATE_SCALE + " decimal places"));
    }
    if (item.unitPrice() == null) {
      violations.add(new Violation(path + ".unitPrice", "is required"));
    } else if (!item.unitPrice().asset().equals(currency)) {
      violations.add(new Violation(path + ".unitPrice", "must be in the invoice's currency"));
    }
    if (violations.size() > before) {
      return null;
    }
    TokenAmount discount = item.discount() == null ? TokenAmount.zero(currency) : item.discount();
    BigInteger amountUnits =
        new BigDecimal(item.unitPrice().baseUnits())
            .multiply(quantity)
            .setScale(0, RoundingMode.HALF_UP)
            .toBigIntegerExact();
    TokenAmount amount;
    try {
      amount = TokenAmount.ofBaseUnits(currency, amountUnits);
    } catch (InvalidValueException e) {
      violations.add(new Violation(path, "the line amount " + e.getMessage()));
      return null;
    }
    if (!discount.asset().equals(currency)) {
      violations.add(new Violation(path + ".discount", "must be in the invoice's currency"));
      return null;
    }
    if (discount.compareTo(amount) > 0) {
      violations.add(
          new Violation(
              path + ".discount",
              "must not exceed the line amount (" + amount.toDecimalString() + ")"));
      return null;
    }
    TokenAmount taxable = amount.minus(discount);
    BigInteger taxUnits =
        new BigDecimal(taxable.baseUnits())
            .multiply(rate)
            .divide(HUNDRED)
            .setScale(0, RoundingMode.HALF_UP)
            .toBigIntegerExact();
    TokenAmount tax;
    try {
      tax = TokenAmount.ofBaseUnits(currency, taxUnits);
      return new PricedLine(item, amount, discount, tax, taxable.plus(tax));
    } catch (InvalidValueException e) {
      violations.add(new Violation(path, "the line total " + e.getMessage()));
      return null;
    }
  }
}
