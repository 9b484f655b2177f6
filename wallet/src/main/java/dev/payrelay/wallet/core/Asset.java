package dev.payrelay.wallet.core;

import java.util.regex.Pattern;

/**
 * What an amount is counted in: a chain's native coin or an ERC-20 token, with the number of
 * decimals between its base unit and its human unit (18 for ETH, 6 for USDC).
 */
public sealed interface Asset permits Asset.Native, Asset.Erc20 {

  /** More decimals than this is no real token; it bounds exact decimal parsing. */
  int MAX_DECIMALS = 36;

  /** Ticker symbols as wallets show them: letters, digits and dots, at most 11 characters. */
  Pattern SYMBOL = Pattern.compile("[A-Za-z0-9.]{1,11}");

  ChainId chain();

  String symbol();

  int decimals();

  /** The CAIP-19 asset id: {@code eip155:1/slip44:60} or {@code eip155:1/erc20:0x…}. */
  String caip19();

  /** Ether (or the chain's native coin), 18 decimals. */
  static Native ether(ChainId chain) {
    return new Native(chain, "ETH", 18);
  }

  /** A chain's native coin. */
  record Native(ChainId chain, String symbol, int decimals) implements Asset {
    public Native {
      validate(chain, symbol, decimals);
    }

    @Override
    public String caip19() {
      return chain.caip2() + "/slip44:60";
    }
  }

  /** An ERC-20 token, identified by its contract; symbol and decimals are what it reports. */
  record Erc20(ChainId chain, Address contract, String symbol, int decimals) implements Asset {
    public Erc20 {
      validate(chain, symbol, decimals);
      if (contract == null || contract.isZero()) {
        throw new InvalidValueException("an ERC-20 token needs its contract address");
      }
    }

    @Override
    public String caip19() {
      return chain.caip2() + "/erc20:" + contract.toLowerHex();
    }
  }

  private static void validate(ChainId chain, String symbol, int decimals) {
    if (chain == null) {
      throw new InvalidValueException("an asset needs a chain");
    }
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      throw new InvalidValueException(
          "an asset symbol is 1 to 11 letters, digits or dots, got '" + symbol + "'");
    }
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new InvalidValueException(
          "an asset has 0 to " + MAX_DECIMALS + " decimals, got " + decimals);
    }
  }
}
