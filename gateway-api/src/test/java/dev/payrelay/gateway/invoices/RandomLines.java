package dev.payrelay.gateway.invoices;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/** Random valid line items, from small to large, with and without tax and discount. */
final class RandomLines {

  private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

  private RandomLines() {}

  /** A line in a currency of {@code decimals} decimals; its discount never exceeds its amount. */
  static Map<String, Object> line(SplittableRandom random, int decimals) {
    BigDecimal quantity = decimal(random, random.nextInt(4) == 0 ? 1_000_000_000L : 100, 6);
    if (quantity.signum() == 0) {
      quantity = BigDecimal.ONE;
    }
    quantity = quantity.min(MAX_QUANTITY);
    BigDecimal price = decimal(random, random.nextInt(3) == 0 ? 1_000_000L : 1_000, decimals);
    String taxRate = null;
    if (random.nextBoolean()) {
      int scale = random.nextInt(5);
      taxRate = BigDecimal.valueOf(random.nextLong(100L * pow10(scale) + 1), scale).toPlainString();
    }
    String discount = null;
    if (random.nextBoolean()) {
      BigInteger amount =
          new BigDecimal(price.movePointRight(decimals).toBigIntegerExact())
              .multiply(quantity)
              .setScale(0, RoundingMode.HALF_UP)
              .toBigIntegerExact();
      BigInteger off =
          amount.signum() == 0
              ? BigInteger.ZERO
              : new BigInteger(amount.bitLength(), new Random(random.nextLong()))
                  .mod(amount.add(BigInteger.ONE));
      discount = new BigDecimal(off, decimals).stripTrailingZeros().toPlainString();
    }
    return Bodies.line(
        "Item " + random.nextInt(1000),
        quantity.toPlainString(),
        price.toPlainString(),
        taxRate,
        discount);
  }

  /** A decimal below {@code bound} with 0 to {@code maxScale} fractional digits (capped at 9). */
  private static BigDecimal decimal(SplittableRandom random, long bound, int maxScale) {
    int scale = random.nextInt(Math.min(maxScale, 9) + 1);
    long whole = random.nextLong(bound);
    long fraction = scale == 0 ? 0 : random.nextLong(pow10(scale));
    return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(fraction, scale));
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
