package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the email templates show, as plain values (strings, lists of maps): amounts with the asset's
 * symbol, dates in UTC. Merchant-supplied text is passed as it is; the HTML templates escape it. A
 * value that is {@code null} is not shown (a zero discount, a buyer without a name).
 */
final class EmailView {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private EmailView() {}

  /**
   * @param payments the invoice's payments; those a reorg removed are left out
   */
  static Map<String, Object> of(
      Invoice invoice, String storeName, URI payUrl, List<Payment> payments, String subject) {
    Map<String, Object> v = new HashMap<>();
    v.put("subject", subject);
    v.put("storeName", storeName);
    v.put("number", invoice.humanNumber());
    v.put("buyerName", invoice.buyer().name());
    v.put("memo", invoice.memo());
    v.put("currency", invoice.currency().symbol());
    v.put("chainId", invoice.currency().chain().value());
    v.put("lines", invoice.totals().lines().stream().map(EmailView::line).toList());
    v.put("subtotal", money(invoice.totals().subtotal()));
    v.put("discountTotal", nonZero(invoice.totals().discountTotal()));
    v.put("taxTotal", money(invoice.totals().taxTotal()));
    v.put("total", money(invoice.totals().total()));
    TokenAmount paid = invoice.evaluation().amountSeen();
    v.put("amountPaid", nonZero(paid));
    v.put("amountDue", money(invoice.evaluation().amountDue()));
    v.put("expiresAt", DATE.format(invoice.expiresAt()));
    v.put("payUrl", payUrl.toString());
    v.put(
        "payments",
        payments.stream()
            .filter(p -> p.state() != PaymentState.REMOVED)
            .map(
                p ->
                    Map.<String, Object>of(
                        "amount", money(p.amount()), "txHash", p.key().tx().toString()))
            .toList());
    return v;
  }

  /** {@code 0.0125 ETH}: the exact decimal and the asset's symbol. */
  static String money(TokenAmount amount) {
    return amount.toDecimalString() + " " + amount.asset().symbol();
  }

  private static String nonZero(TokenAmount amount) {
    return amount.isZero() ? null : money(amount);
  }

  private static Map<String, Object> line(PricedLine line) {
    Map<String, Object> l = new HashMap<>();
    l.put("description", line.item().description());
    l.put("quantity", plain(line.item().quantity()));
    l.put("unitPrice", money(line.item().unitPrice()));
    l.put("discount", nonZero(line.discount()));
    l.put("taxRate", plain(line.item().taxRatePercent()));
    l.put("tax", nonZero(line.tax()));
    l.put("amount", money(line.amount()));
    return l;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
