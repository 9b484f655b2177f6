package dev.payrelay.wallet.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * An exact, non-negative amount of an asset, in its base units (wei, or a token's smallest unit).
 * It fits a uint256, as every on-chain amount does. Human decimal strings convert exactly both ways
 * with the asset's decimals; a string with more decimal places than the asset has is an error,
 * never rounded, and no {@code double} is ever involved.
 */
public record TokenAmount(Asset asset, BigInteger baseUnits) implements Comparable<TokenAmount> {

  /** 2^256 - 1, the largest value a uint256 holds. */
  public static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  /** A decimal string longer than this is refused before any arithmetic. */
  public static final int MAX_DECIMAL_STRING_CHARS = 100;

  private static final Pattern DECIMAL = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");

  public TokenAmount {
    if (asset == null) {
      throw new InvalidValueException("an amount needs an asset");
    }
    if (baseUnits == null || baseUnits.signum() < 0) {
      throw new InvalidValueException("an amount cannot be negative");
    }
    if (baseUnits.compareTo(MAX_UINT256) > 0) {
      throw new InvalidValueException(
          "an amount must fit in a uint256 (at most 2^256 - 1 base units)");
    }
  }

  public static TokenAmount zero(Asset asset) {
    return new TokenAmount(asset, BigInteger.ZERO);
  }

  public static TokenAmount ofBaseUnits(Asset asset, BigInteger baseUnits) {
    return new TokenAmount(asset, baseUnits);
  }

  /**
   * Parses a human decimal such as {@code 19.99} exactly: digits, at most one point, no sign, no
   * exponent, no grouping, at most {@code asset.decimals()} digits after the point.
   */
  public static TokenAmount parse(Asset asset, String decimal) {
    if (decimal == null || decimal.isEmpty()) {
      throw new InvalidValueException("an amount is missing");
    }
    if (decimal.length() > MAX_DECIMAL_STRING_CHARS) {
      throw new InvalidValueException(
          "an amount has at most " + MAX_DECIMAL_STRING_CHARS + " characters");
    }
    if (!DECIMAL.matcher(decimal).matches()) {
      throw new InvalidValueException(
          "an amount is a plain decimal number such as 19.99, got '" + decimal + "'");
    }
    BigDecimal value = new BigDecimal(decimal);
    if (value.scale() > asset.decimals()) {
      throw new InvalidValueException(
          "'"
              + decimal
              + "' has more decimal places than "
              + asset.symbol()
              + " has ("
              + asset.decimals()
              + ")");
    }
    return new TokenAmount(asset, value.movePointRight(asset.decimals()).toBigIntegerExact());
  }

  /** The human form, without trailing zeros: {@code 19.99}, {@code 20}, {@code 0.000001}. */
  public String toDecimalString() {
    BigDecimal value = new BigDecimal(baseUnits, asset.decimals()).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }

  public boolean isZero() {
    return baseUnits.signum() == 0;
  }

  public TokenAmount plus(TokenAmount other) {
    requireSameAsset(other);
    return new TokenAmount(asset, baseUnits.add(other.baseUnits));
  }

  /** {@code this - other}; an error if the result would be negative. */
  public TokenAmount minus(TokenAmount other) {
    requireSameAsset(other);
    return new TokenAmount(asset, baseUnits.subtract(other.baseUnits));
  }

  @Override
  public int compareTo(TokenAmount other) {
    requireSameAsset(other);
    return baseUnits.compareTo(other.baseUnits);
  }

  private void requireSameAsset(TokenAmount other) {
    if (!asset.equals(other.asset)) {
      throw new IllegalArgumentException(
          "cannot combine amounts of " + asset.caip19() + " and " + other.asset.caip19());
    }
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + asset.symbol();
  }
}
