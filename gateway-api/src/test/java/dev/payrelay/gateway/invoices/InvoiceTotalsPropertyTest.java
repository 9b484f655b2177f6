package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.at;
import static dev.payrelay.gateway.invoices.Bodies.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rounding rules of the contract as properties, over many random invoices created through the
 * API: every line is {@code amount − discount + tax} with amount and tax rounded half-up to a base
 * unit, the totals are the sums of the lines' parts, {@code total = subtotal − discountTotal +
 * taxTotal}, and each decimal is its base units exactly. Seeded ({@code -Dpayrelay.test.seed=…}
 * replays a run); the seed is in every failure message.
 */
class InvoiceTotalsPropertyTest extends InvoiceNode {

  static final int INVOICES = 150;

  @Test
  void totalsAreAlwaysTheExactSumOfTheirPartsInBaseUnits() {
    long seed = Long.getLong("payrelay.test.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < INVOICES; n++) {
      boolean ether = random.nextBoolean();
      int decimals = ether ? 18 : 6;
      List<Map<String, Object>> lines = new ArrayList<>();
      int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 5);
      for (int i = 0; i < count; i++) {
        lines.add(RandomLines.line(random, decimals));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> body = Bodies.invoice(ether ? "ETH" : "USDC", lines.toArray(new Map[0]));
      String why = "seed " + seed + ", invoice " + n + ": " + body;
      Map<String, Object> invoice = created(post(ADMIN, null, body), why);
      check(invoice, lines, decimals, why);
    }
  }

  private static void check(
      Map<String, Object> invoice, List<Map<String, Object>> sent, int decimals, String why) {
    BigInteger subtotal = BigInteger.ZERO;
    BigInteger discounts = BigInteger.ZERO;
    BigInteger taxes = BigInteger.ZERO;
    List<Map<String, Object>> lines = list(invoice, "lineItems");
    assertThat(lines).as(why).hasSameSizeAs(sent);
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> line = lines.get(i);
      Map<String, Object> asked = sent.get(i);
      BigDecimal quantity = new BigDecimal((String) asked.get("quantity"));
      BigInteger price = units((String) asked.get("unitPrice"), decimals);
      BigInteger discount = units((String) asked.getOrDefault("discount", "0"), decimals);
      BigDecimal rate = new BigDecimal((String) asked.getOrDefault("taxRate", "0"));
      BigInteger amount = halfUp(new BigDecimal(price).multiply(quantity));
      BigInteger tax =
          halfUp(new BigDecimal(amount.subtract(discount)).multiply(rate).movePointLeft(2));
      String where = why + ", line " + i;
      assertThat(money(line, "amount", decimals, where)).as(where).isEqualTo(amount);
      assertThat(money(line, "discount", decimals, where)).as(where).isEqualTo(discount);
      assertThat(money(line, "tax", decimals, where)).as(where).isEqualTo(tax);
      assertThat(money(line, "total", decimals, where))
          .as(where + ": total = amount − discount + tax")
          .isEqualTo(amount.subtract(discount).add(tax));
      subtotal = subtotal.add(amount);
      discounts = discounts.add(discount);
      taxes = taxes.add(tax);
    }
    assertThat(money(invoice, "subtotal", decimals, why)).as(why).isEqualTo(subtotal);
    assertThat(money(invoice, "discountTotal", decimals, why)).as(why).isEqualTo(discounts);
    assertThat(money(invoice, "taxTotal", decimals, why)).as(why).isEqualTo(taxes);
    BigInteger total = money(invoice, "total", decimals, why);
    assertThat(total)
        .as(why + ": total = subtotal − discountTotal + taxTotal")
        .isEqualTo(subtotal.subtract(discounts).add(taxes));
    assertThat(money(invoice, "amountDue", decimals, why)).as(why).isEqualTo(total);
    Map<String, Object> option = list(invoice, "paymentOptions").get(0);
    assertThat(money(option, "amount", decimals, why)).as(why).isEqualTo(total);
  }

  /** The base units of the Money at {@code field}, after checking its decimal says the same. */
  private static BigInteger money(
      Map<String, Object> owner, String field, int decimals, String why) {
    String amount = at(owner, field + ".amount");
    BigInteger baseUnits = new BigInteger((String) at(owner, field + ".baseUnits"));
    assertThat(units(amount, decimals)).as(why + ": " + field + " decimal").isEqualTo(baseUnits);
    return baseUnits;
  }

  static BigInteger units(String decimal, int decimals) {
    return new BigDecimal(decimal).movePointRight(decimals).toBigIntegerExact();
  }

  private static BigInteger halfUp(BigDecimal value) {
    return value.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
  }
}
