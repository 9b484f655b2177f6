package dev.payrelay.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PricingTest {

  static final Asset USDC =
      new Asset.Erc20(
          ChainId.MAINNET, Address.parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"), "USDC", 6);

  static LineItem line(String qty, String price, String rate, String discount) {
    return new LineItem(
        "item",
        new BigDecimal(qty),
        TokenAmount.parse(USDC, price),
        new BigDecimal(rate),
        TokenAmount.parse(USDC, discount));
  }

  @Test
  void pricesAnItemizedInvoiceExactly() {
    Totals totals =
        Pricing.price(
            USDC,
            List.of(
                line("2", "19.99", "8.25", "0"), // 39.98 + 3.29835 -> 3.298350
                line("1.5", "10", "0", "1.25"))); // 15 - 1.25
    assertThat(totals.subtotal().toDecimalString()).isEqualTo("54.98");
    assertThat(totals.discountTotal().toDecimalString()).isEqualTo("1.25");
    assertThat(totals.taxTotal().toDecimalString()).isEqualTo("3.29835");
    assertThat(totals.total().toDecimalString()).isEqualTo("57.02835");
  }

  @Test
  void roundsLineAmountsAndTaxHalfUpToABaseUnitPerLine() {
    // 0.333333 x 0.000001 USDC = 0.333333 base units -> 0; 0.5 base units -> 1 (half-up).
    Asset wei = new Asset.Native(ChainId.MAINNET, "WEI", 0);
    LineItem third =
        new LineItem(
            "a", new BigDecimal("0.333333"), TokenAmount.parse(wei, "1"), BigDecimal.ZERO, null);
    LineItem half =
        new LineItem(
            "b", new BigDecimal("0.5"), TokenAmount.parse(wei, "1"), BigDecimal.ZERO, null);
    LineItem taxed =
        new LineItem("c", BigDecimal.ONE, TokenAmount.parse(wei, "10"), new BigDecimal("5"), null);
    Totals totals = Pricing.price(wei, List.of(third, half, taxed));
    assertThat(totals.lines())
        .extracting(l -> l.amount().baseUnits().intValue())
        .containsExactly(0, 1, 10);
    assertThat(totals.lines().get(2).tax().baseUnits()).isEqualTo(1); // 0.5 -> 1
  }

  @Test
  void theTotalAlwaysEqualsTheSumOfItsPartsInBaseUnits() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 2_000; round++) {
      int decimals = random.nextInt(19);
      Asset asset = new Asset.Native(ChainId.MAINNET, "T", decimals);
      List<LineItem> items = new ArrayList<>();
      int count = 1 + random.nextInt(10);
      for (int i = 0; i < count; i++) {
        BigInteger price = BigInteger.valueOf(random.nextLong(1L << 40));
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextLong(1_000_000_000L), 6);
        BigDecimal rate = BigDecimal.valueOf(random.nextInt(1_000_001), 4);
        TokenAmount unit = TokenAmount.ofBaseUnits(asset, price);
        BigInteger lineAmount =
            new BigDecimal(price)
                .multiply(qty)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .toBigInteger();
        BigInteger discount =
            lineAmount.signum() == 0
                ? BigInteger.ZERO
                : new BigInteger(lineAmount.bitLength(), new java.util.Random(round))
                    .mod(lineAmount.add(BigInteger.ONE));
        items.add(new LineItem("x", qty, unit, rate, TokenAmount.ofBaseUnits(asset, discount)));
      }
      Totals t = Pricing.price(asset, items);
      BigInteger sumOfLineTotals =
          t.lines().stream()
              .map(l -> l.total().baseUnits())
              .reduce(BigInteger.ZERO, BigInteger::add);
      assertThat(t.total().baseUnits()).as("round %s", round).isEqualTo(sumOfLineTotals);
      assertThat(t.total().baseUnits())
          .isEqualTo(
              t.subtotal()
                  .baseUnits()
                  .subtract(t.discountTotal().baseUnits())
                  .add(t.taxTotal().baseUnits()));
      for (PricedLine l : t.lines()) {
        assertThat(l.total().baseUnits())
            .isEqualTo(
                l.amount().baseUnits().subtract(l.discount().baseUnits()).add(l.tax().baseUnits()));
      }
    }
  }

  @Test
  void collectsEveryViolationWithItsFieldPath() {
    List<LineItem> items =
        List.of(
            new LineItem(
                " ",
                new BigDecimal("0"),
                TokenAmount.parse(USDC, "1"),
                new BigDecimal("101"),
                null),
            new LineItem(
                "ok",
                new BigDecimal("1.0000001"),
                TokenAmount.parse(USDC, "1"),
                BigDecimal.ZERO,
                null),
            line("1", "5", "0", "6"));
    assertThatThrownBy(() -> Pricing.price(USDC, items))
        .isInstanceOfSatisfying(
            InvalidInvoiceException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "lineItems[0].description",
                        "lineItems[0].quantity",
                        "lineItems[0].taxRate",
                        "lineItems[1].quantity",
                        "lineItems[2].discount"));
  }

  @Test
  void refusesNoItemsTooManyItemsAndTotalsBeyondUint256() {
    assertThatThrownBy(() -> Pricing.price(USDC, List.of()))
        .hasMessageContaining("at least one line item");
    List<LineItem> many = new ArrayList<>();
    for (int i = 0; i <= Pricing.MAX_LINE_ITEMS; i++) {
      many.add(line("1", "1", "0", "0"));
    }
    assertThatThrownBy(() -> Pricing.price(USDC, many)).hasMessageContaining("at most 100");
    Asset wei = new Asset.Native(ChainId.MAINNET, "WEI", 0);
    LineItem huge =
        new LineItem(
            "big",
            new BigDecimal("2"),
            TokenAmount.ofBaseUnits(wei, TokenAmount.MAX_UINT256),
            BigDecimal.ZERO,
            null);
    assertThatThrownBy(() -> Pricing.price(wei, List.of(huge)))
        .isInstanceOf(InvalidInvoiceException.class)
        .hasMessageContaining("uint256");
  }
}
