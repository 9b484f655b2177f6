package dev.payrelay.wallet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenAmountTest {

  static final Asset USDC =
      new Asset.Erc20(
          ChainId.MAINNET, Address.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"), "USDC", 6);

  @Test
  void parsesHumanDecimalsIntoExactBaseUnits() {
    assertThat(TokenAmount.parse(USDC, "19.99").baseUnits()).isEqualTo(19_990_000);
    assertThat(TokenAmount.parse(USDC, "0.000001").baseUnits()).isEqualTo(1);
    assertThat(TokenAmount.parse(USDC, "20").baseUnits()).isEqualTo(20_000_000);
    assertThat(TokenAmount.parse(Asset.ether(ChainId.MAINNET), "1.5").baseUnits())
        .isEqualTo(new BigInteger("1500000000000000000"));
  }

  @Test
  void formatsWithoutTrailingZeros() {
    assertThat(TokenAmount.ofBaseUnits(USDC, BigInteger.valueOf(19_990_000)).toDecimalString())
        .isEqualTo("19.99");
    assertThat(TokenAmount.ofBaseUnits(USDC, BigInteger.valueOf(20_000_000)).toDecimalString())
        .isEqualTo("20");
    assertThat(TokenAmount.zero(USDC).toDecimalString()).isEqualTo("0");
    assertThat(TokenAmount.ofBaseUnits(USDC, BigInteger.ONE).toString()).isEqualTo("0.000001 USDC");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "-1", "+1", "1e6", "1,000", " 1", "1.", ".5", "01", "1.2.3", "NaN", "0x10", "١"
      })
  void refusesAnythingButAPlainDecimal(String text) {
    assertThatThrownBy(() -> TokenAmount.parse(USDC, text))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void refusesMoreDecimalPlacesThanTheTokenHas() {
    assertThatThrownBy(() -> TokenAmount.parse(USDC, "19.9999999"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("'19.9999999' has more decimal places than USDC has (6)");
  }

  @Test
  void refusesAmountsBeyondUint256AndNegativeResults() {
    Asset wei = new Asset.Native(ChainId.MAINNET, "WEI", 0);
    assertThat(TokenAmount.parse(wei, TokenAmount.MAX_UINT256.toString()).baseUnits())
        .isEqualTo(TokenAmount.MAX_UINT256);
    assertThatThrownBy(
            () -> TokenAmount.parse(wei, TokenAmount.MAX_UINT256.add(BigInteger.ONE).toString()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("uint256");
    assertThatThrownBy(() -> TokenAmount.parse(wei, "1".repeat(101)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 100 characters");
    assertThatThrownBy(() -> TokenAmount.parse(USDC, "1").minus(TokenAmount.parse(USDC, "2")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void neverMixesAssets() {
    assertThatThrownBy(
            () ->
                TokenAmount.parse(USDC, "1")
                    .plus(TokenAmount.parse(Asset.ether(ChainId.MAINNET), "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot combine");
  }
}
