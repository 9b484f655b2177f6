package dev.payrelay.wallet.method;

import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;

/**
 * Payment request URIs (<a href="https://eips.ethereum.org/EIPS/eip-681">EIP-681</a>) for each
 * payment method, for QR codes and "open in wallet" links.
 *
 * <p>Form: {@code ethereum:<target>@<chainId>[/<function>]?<parameters>}. The chain id is always
 * written, so a wallet on another chain cannot pay there by mistake. Addresses are EIP-55
 * checksummed. Amounts are plain integers of base units ({@code value=2014000000000000000}): the
 * grammar allows them and every parser reads them exactly, whereas the scientific notation the EIP
 * recommends ({@code 2.014e18}) is still parsed through floating point by some wallets, which
 * rounds large token amounts. Function parameters are typed and positional ({@code
 * address=…&uint256=…}), in the order of the function's arguments; {@code value} comes last.
 *
 * <p>The proxy URIs name two or three {@code address} parameters. Wallets that keep parameters in a
 * map by name cannot represent them, and an ERC-20 proxy payment also needs a prior {@link
 * #erc20Approve approve}; the checkout page's wallet button (a direct contract call) is the robust
 * path, these URIs the portable one.
 */
public final class Eip681 {

  private static final String SCHEME = "ethereum:";

  private Eip681() {}

  /** Plain ETH to {@code to}: {@code ethereum:<to>@<chainId>?value=<wei>}. */
  public static String etherTransfer(Address to, TokenAmount amount) {
    Asset.Native asset = nativeAsset(amount);
    return target(address(to, "recipient"), asset) + "?value=" + amount.baseUnits();
  }

  /**
   * An ERC-20 {@code transfer}: {@code
   * ethereum:<token>@<chainId>/transfer?address=<to>&uint256=<amount>}.
   */
  public static String erc20Transfer(Address to, TokenAmount amount) {
    Asset.Erc20 token = erc20(amount);
    return target(token.contract().toChecksumString(), token)
        + "/transfer?address="
        + address(to, "recipient")
        + "&uint256="
        + amount.baseUnits();
  }

  /**
   * An ERC-20 {@code approve} of {@code spender} (the proxy) for {@code amount}: {@code
   * ethereum:<token>@<chainId>/approve?address=<spender>&uint256=<amount>}.
   */
  public static String erc20Approve(Address spender, TokenAmount amount) {
    Asset.Erc20 token = erc20(amount);
    return target(token.contract().toChecksumString(), token)
        + "/approve?address="
        + address(spender, "spender")
        + "&uint256="
        + amount.baseUnits();
  }

  /**
   * ETH through the proxy: {@code ethereum:<proxy>@<chainId>/transferWithReferenceAndFee?
   * address=<to>&bytes=<reference>&uint256=<fee>&address=<feeAddress>&value=<amount + fee>}.
   *
   * @param fee the fee in the same asset; zero (with {@link Address#ZERO}) for none
   */
  public static String proxyEtherPayment(
      Address proxy,
      Address to,
      TokenAmount amount,
      PaymentReference reference,
      TokenAmount fee,
      Address feeAddress) {
    Asset.Native asset = nativeAsset(amount);
    checkFee(amount, fee, feeAddress);
    return target(contract(proxy).toChecksumString(), asset)
        + "/"
        + FeeProxyContract.ETHER_FUNCTION
        + "?address="
        + address(to, "recipient")
        + "&bytes="
        + reference(reference)
        + "&uint256="
        + fee.baseUnits()
        + "&address="
        + feeAddress.toChecksumString()
        + "&value="
        + amount.plus(fee).baseUnits();
  }

  /**
   * An ERC-20 through the proxy (after an {@link #erc20Approve approve} of amount + fee): {@code
   * ethereum:<proxy>@<chainId>/transferFromWithReferenceAndFee?address=<token>&address=<to>
   * &uint256=<amount>&bytes=<reference>&uint256=<fee>&address=<feeAddress>}.
   *
   * @param fee the fee in the same token; zero (with {@link Address#ZERO}) for none
   */
  public static String proxyErc20Payment(
      Address proxy,
      Address to,
      TokenAmount amount,
      PaymentReference reference,
      TokenAmount fee,
      Address feeAddress) {
    Asset.Erc20 token = erc20(amount);
    checkFee(amount, fee, feeAddress);
    return target(contract(proxy).toChecksumString(), token)
        + "/"
        + FeeProxyContract.ERC20_FUNCTION
        + "?address="
        + token.contract().toChecksumString()
        + "&address="
        + address(to, "recipient")
        + "&uint256="
        + amount.baseUnits()
        + "&bytes="
        + reference(reference)
        + "&uint256="
        + fee.baseUnits()
        + "&address="
        + feeAddress.toChecksumString();
  }

  private static String target(String address, Asset asset) {
    return SCHEME + address + "@" + asset.chain().value();
  }

  private static Asset.Native nativeAsset(TokenAmount amount) {
    if (amount == null) {
      throw new InvalidValueException("an amount is missing");
    }
    if (!(amount.asset() instanceof Asset.Native asset)) {
      throw new InvalidValueException(
          "a native payment needs an amount of the chain's coin, got " + amount.asset().symbol());
    }
    return asset;
  }

  private static Asset.Erc20 erc20(TokenAmount amount) {
    if (amount == null) {
      throw new InvalidValueException("an amount is missing");
    }
    if (!(amount.asset() instanceof Asset.Erc20 token)) {
      throw new InvalidValueException(
          "a token payment needs an ERC-20 amount, got " + amount.asset().symbol());
    }
    return token;
  }

  private static void checkFee(TokenAmount amount, TokenAmount fee, Address feeAddress) {
    if (fee == null || feeAddress == null) {
      throw new InvalidValueException(
          "a proxy payment needs a fee and a fee address (zero and Address.ZERO for none)");
    }
    if (!fee.asset().equals(amount.asset())) {
      throw new InvalidValueException(
          "the fee is in " + fee.asset().symbol() + ", the payment in " + amount.asset().symbol());
    }
    if (!fee.isZero() && feeAddress.isZero()) {
      throw new InvalidValueException("a fee needs an address to be paid to");
    }
  }

  private static Address contract(Address proxy) {
    if (proxy == null || proxy.isZero()) {
      throw new InvalidValueException("a proxy payment needs the proxy's address");
    }
    return proxy;
  }

  private static String address(Address address, String what) {
    if (address == null || address.isZero()) {
      throw new InvalidValueException("the " + what + " address is missing or zero");
    }
    return address.toChecksumString();
  }

  private static String reference(PaymentReference reference) {
    if (reference == null) {
      throw new InvalidValueException("a proxy payment needs the invoice's payment reference");
    }
    return reference.hex();
  }
}
