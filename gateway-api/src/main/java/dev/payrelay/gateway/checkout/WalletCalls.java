package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.contract.Erc20Calls;
import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.PaymentReference;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transactions the "Pay with browser wallet" button asks an EIP-1193 wallet to send ({@code
 * eth_sendTransaction}), in order, for one payment option and amount:
 *
 * <ul>
 *   <li>reference, ETH: the proxy's payable {@code transferWithReferenceAndFee} (no fee);
 *   <li>reference, ERC-20: the token's {@code approve(proxy, amount)}, then the proxy's {@code
 *       transferFromWithReferenceAndFee};
 *   <li>deposit address: a plain ETH transfer, or the token's {@code transfer(address, amount)}.
 * </ul>
 *
 * <p>The calldata of the two ERC-20 functions is written here (selector and two 32-byte words, see
 * the <a href="https://docs.soliditylang.org/en/latest/abi-spec.html">Solidity ABI</a>); the
 * proxy's comes from {@link FeeProxyContract}.
 */
final class WalletCalls {

  /** One transaction: {@code value} in wei, both hex quantities as EIP-1193 wallets expect. */
  record Call(String step, String to, String value, String data) {}

  private WalletCalls() {}

  static List<Call> of(PaymentOption option, TokenAmount amount) {
    Asset asset = amount.asset();
    if (option instanceof PaymentOption.ByReference r) {
      PaymentReference reference = PaymentReference.parse(r.reference());
      if (asset instanceof Asset.Erc20 token) {
        return List.of(
            new Call(
                "Approve " + token.symbol(),
                token.contract().toLowerHex(),
                "0x0",
                Erc20Calls.approve(r.proxy(), amount.baseUnits())),
            new Call(
                "Pay",
                r.proxy().toLowerHex(),
                "0x0",
                FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                    token.contract(),
                    r.recipient(),
                    amount.baseUnits(),
                    reference.bytes(),
                    BigInteger.ZERO,
                    Address.ZERO)));
      }
      return List.of(
          new Call(
              "Pay",
              r.proxy().toLowerHex(),
              quantity(amount.baseUnits()),
              FeeProxyContract.encodeTransferWithReferenceAndFee(
                  r.recipient(), reference.bytes(), BigInteger.ZERO, Address.ZERO)));
    }
    PaymentOption.ToDepositAddress d = (PaymentOption.ToDepositAddress) option;
    if (asset instanceof Asset.Erc20 token) {
      return List.of(
          new Call(
              "Pay",
              token.contract().toLowerHex(),
              "0x0",
              Erc20Calls.transfer(d.address(), amount.baseUnits())));
    }
    return List.of(new Call("Pay", d.address().toLowerHex(), quantity(amount.baseUnits()), "0x"));
  }

  /** The calls as a JSON array for a {@code data-} attribute (only fixed words and hex in it). */
  static String json(List<Call> calls) {
    return calls.stream()
        .map(
            c ->
                "{\"step\":\""
                    + c.step()
                    + "\",\"to\":\""
                    + c.to()
                    + "\",\"value\":\""
                    + c.value()
                    + "\",\"data\":\""
                    + c.data()
                    + "\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }
}
