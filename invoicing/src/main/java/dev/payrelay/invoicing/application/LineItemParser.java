package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.application.CreateInvoice.LineItemRequest;
import dev.payrelay.invoicing.domain.LineItem;
import dev.payrelay.invoicing.domain.Pricing;
import dev.payrelay.invoicing.domain.Violation;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the API's line items (decimal strings) into {@link LineItem}s, exactly. A field that does
 * not parse is recorded as a violation and replaced by a harmless placeholder, so that {@link
 * Pricing} still checks the rest of the line and every violation is reported at once.
 */
final class LineItemParser {

  /** Longer quantity or tax-rate strings are refused before any arithmetic. */
  static final int MAX_DECIMAL_CHARS = 40;

  private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final String NOT_DECIMAL = "must be a plain decimal number such as 19.99";

  private final Asset currency;
  private final boolean currencyKnown;
  private final List<Violation> violations;

  /**
   * @param currencyKnown false when {@code currency} is a stand-in for an unknown one: amounts are
   *     then only checked for their syntax
   */
  LineItemParser(Asset currency, boolean currencyKnown, List<Violation> violations) {
    this.currency = currency;
    this.currencyKnown = currencyKnown;
    this.violations = violations;
  }

  /** The lines for {@link Pricing#price}; {@code null} or too many are left for it to refuse. */
  List<LineItem> parse(List<LineItemRequest> requests) {
    if (requests == null || requests.size() > Pricing.MAX_LINE_ITEMS) {
      return requests == null ? null : requests.stream().map(r -> placeholder()).toList();
    }
    List<LineItem> items = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      items.add(parse(requests.get(i), "lineItems[" + i + "]"));
    }
    return items;
  }

  private LineItem parse(LineItemRequest request, String path) {
    if (request == null) {
      violations.add(new Violation(path, "is required"));
      return placeholder();
    }
    int before = violations.size();
    BigDecimal quantity =
        decimal(request.quantity(), path + ".quantity", Pricing.MAX_QUANTITY_SCALE, true);
    BigDecimal taxRate =
        decimal(request.taxRate(), path + ".taxRate", Pricing.MAX_TAX_RATE_SCALE, false);
    TokenAmount unitPrice = amount(request.unitPrice(), path + ".unitPrice", true);
    TokenAmount discount = amount(request.discount(), path + ".discount", false);
    boolean failed = violations.size() > before;
    return new LineItem(
        request.description(),
        quantity == null ? BigDecimal.ONE : quantity,
        unitPrice == null ? TokenAmount.zero(currency) : unitPrice,
        taxRate == null ? BigDecimal.ZERO : taxRate,
        failed || discount == null ? TokenAmount.zero(currency) : discount);
  }

  private LineItem placeholder() {
    return new LineItem(
        "-",
        BigDecimal.ONE,
        TokenAmount.zero(currency),
        BigDecimal.ZERO,
        TokenAmount.zero(currency));
  }

  /** A decimal as given (its scale kept), or null after recording why it is not one. */
  private BigDecimal decimal(String text, String path, int maxScale, boolean required) {
    if (text == null) {
      if (required) {
        violations.add(new Violation(path, "is required"));
      }
      return required ? null : BigDecimal.ZERO;
    }
    if (text.length() > MAX_DECIMAL_CHARS || !DECIMAL.matcher(text).matches()) {
      violations.add(new Violation(path, NOT_DECIMAL));
      return null;
    }
    BigDecimal value = new BigDecimal(text);
    if (value.scale() > maxScale) {
      violations.add(new Violation(path, "has at most " + maxScale + " decimal places"));
      return null;
    }
    return value;
  }

  private TokenAmount amount(String text, String path, boolean required) {
    if (text == null) {
      if (required) {
        violations.add(new Violation(path, "is required"));
        return null;
      }
      return TokenAmount.zero(currency);
    }
    if (!currencyKnown) {
      if (text.length() > TokenAmount.MAX_DECIMAL_STRING_CHARS
          || !DECIMAL.matcher(text).matches()) {
        violations.add(new Violation(path, NOT_DECIMAL));
      }
      return null;
    }
    try {
      return TokenAmount.parse(currency, text);
    } catch (InvalidValueException e) {
      violations.add(new Violation(path, e.getMessage()));
      return null;
    }
  }
}
