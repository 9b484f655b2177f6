package dev.payrelay.wallet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of exact money arithmetic, checked on edge cases plus {@value #SAMPLES} seeded random
 * samples (the seed is in the failure message, so a failure reproduces).
 */
class TokenAmountProperties {

  static final int SAMPLES = 2_000;
  static final long SEED = Long.getLong("payrelay.test.seed", 0x5EED_CAFEL);
  static final ChainId CHAIN = ChainId.of(1);

  static Asset asset(int decimals) {
    return new Asset.Native(CHAIN, "TKN", decimals);
  }

  /** Edge cases first (0, 1, powers of ten, 2^256 - 1), then random uint256 values of any size. */
  static List<BigInteger> uint256Samples() {
    List<BigInteger> values = new ArrayList<>();
    values.add(BigInteger.ZERO);
    values.add(BigInteger.ONE);
    values.add(TokenAmount.MAX_UINT256);
    values.add(TokenAmount.MAX_UINT256.subtract(BigInteger.ONE));
    for (int e = 1; e < 78; e += 7) {
      values.add(BigInteger.TEN.pow(e));
      values.add(BigInteger.TEN.pow(e).subtract(BigInteger.ONE));
    }
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < SAMPLES; i++) {
      int bits = 1 + random.nextInt(256);
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      values.add(new BigInteger(1, bytes).shiftRight(256 - bits));
    }
    return values;
  }

  @Test
  void decimalFormRoundTripsExactlyForEveryDecimalsSetting() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (BigInteger units : uint256Samples()) {
      Asset asset = asset(random.nextInt(Asset.MAX_DECIMALS + 1));
      TokenAmount amount = TokenAmount.ofBaseUnits(asset, units);
      assertThat(TokenAmount.parse(asset, amount.toDecimalString()))
          .as("seed %s, %s base units, %s decimals", SEED, units, asset.decimals())
          .isEqualTo(amount);
    }
  }

  @Test
  void additionAndSubtractionAreExactInverses() {
    Asset asset = asset(18);
    List<BigInteger> values = uint256Samples();
    for (int i = 0; i + 1 < values.size(); i += 2) {
      BigInteger lo = values.get(i).min(values.get(i + 1));
      BigInteger hi = values.get(i).max(values.get(i + 1));
      TokenAmount part = TokenAmount.ofBaseUnits(asset, lo);
      TokenAmount sum = TokenAmount.ofBaseUnits(asset, hi.subtract(lo)).plus(part);
      assertThat(sum.baseUnits()).as("seed %s", SEED).isEqualTo(hi);
      assertThat(sum.minus(part).baseUnits()).as("seed %s", SEED).isEqualTo(hi.subtract(lo));
    }
  }

  @Test
  void moreDecimalPlacesThanTheAssetHasIsRefusedNotRounded() {
    for (int decimals = 0; decimals <= Asset.MAX_DECIMALS; decimals++) {
      for (int lastDigit = 1; lastDigit <= 9; lastDigit++) {
        String text = "1." + "0".repeat(decimals) + lastDigit;
        Asset asset = asset(decimals);
        assertThatThrownBy(() -> TokenAmount.parse(asset, text))
            .isInstanceOf(InvalidValueException.class)
            .hasMessageContaining("more decimal places");
      }
    }
  }
}
