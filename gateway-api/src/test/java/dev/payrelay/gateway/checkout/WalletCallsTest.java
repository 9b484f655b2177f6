package dev.payrelay.gateway.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.contract.Erc20Calls;
import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transactions the wallet button asks for, per payment method and currency. */
class WalletCallsTest {

  static final ChainId CHAIN = ChainId.of(1337);
  static final Address PROXY = Address.parse("0x1111111111111111111111111111111111111111");
  static final Address MERCHANT = Address.parse("0x2222222222222222222222222222222222222222");
  static final Address DEPOSIT = Address.parse("0x3333333333333333333333333333333333333333");
  static final Address TOKEN = Address.parse("0x4444444444444444444444444444444444444444");
  static final String REFERENCE = "0x0123456789abcdef0123456789abcdef";

  @Test
  void theErc20SelectorsAreTheWellKnownOnes() {
    assertThat(Erc20Calls.selector(Erc20Calls.APPROVE_SIGNATURE)).isEqualTo("0x095ea7b3");
    assertThat(Erc20Calls.selector(Erc20Calls.TRANSFER_SIGNATURE)).isEqualTo("0xa9059cbb");
  }

  @Test
  void aTokenThroughTheContractIsApproveThenPay() {
    TokenAmount amount =
        TokenAmount.ofBaseUnits(
            new Asset.Erc20(CHAIN, TOKEN, "USDC", 6), BigInteger.valueOf(4_500_000));
    List<WalletCalls.Call> calls =
        WalletCalls.of(
            new PaymentOption.ByReference(MERCHANT, PROXY, REFERENCE, amount, "u"), amount);

    assertThat(calls).extracting(WalletCalls.Call::step).containsExactly("Approve USDC", "Pay");
    assertThat(calls.get(0).to()).isEqualTo(TOKEN.toLowerHex());
    assertThat(calls.get(0).data())
        .isEqualTo(
            "0x095ea7b3"
                + "0000000000000000000000001111111111111111111111111111111111111111"
                + "000000000000000000000000000000000000000000000000000000000044aa20");
    assertThat(calls.get(1).to()).isEqualTo(PROXY.toLowerHex());
    assertThat(calls.get(1).value()).isEqualTo("0x0");
    assertThat(calls.get(1).data())
        .startsWith(Erc20Calls.selector(FeeProxyContract.ERC20_FUNCTION_SIGNATURE));
  }

  @Test
  void etherThroughTheContractSendsTheValueWithTheCall() {
    TokenAmount amount =
        TokenAmount.ofBaseUnits(Asset.ether(CHAIN), new BigInteger("25000000000000000"));
    List<WalletCalls.Call> calls =
        WalletCalls.of(
            new PaymentOption.ByReference(MERCHANT, PROXY, REFERENCE, amount, "u"), amount);

    assertThat(calls)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.to()).isEqualTo(PROXY.toLowerHex());
              assertThat(c.value()).isEqualTo("0x58d15e17628000");
              assertThat(c.data())
                  .startsWith(Erc20Calls.selector(FeeProxyContract.ETHER_FUNCTION_SIGNATURE))
                  .contains(REFERENCE.substring(2));
            });
  }

  @Test
  void aDepositAddressIsAPlainTransfer() {
    TokenAmount ether = TokenAmount.ofBaseUnits(Asset.ether(CHAIN), BigInteger.TEN);
    assertThat(WalletCalls.of(new PaymentOption.ToDepositAddress(DEPOSIT, 0, ether, "u"), ether))
        .containsExactly(new WalletCalls.Call("Pay", DEPOSIT.toLowerHex(), "0xa", "0x"));
    TokenAmount usdc =
        TokenAmount.ofBaseUnits(new Asset.Erc20(CHAIN, TOKEN, "USDC", 6), BigInteger.TWO);
    assertThat(WalletCalls.of(new PaymentOption.ToDepositAddress(DEPOSIT, 0, usdc, "u"), usdc))
        .containsExactly(
            new WalletCalls.Call(
                "Pay",
                TOKEN.toLowerHex(),
                "0x0",
                "0xa9059cbb"
                    + "0000000000000000000000003333333333333333333333333333333333333333"
                    + "0000000000000000000000000000000000000000000000000000000000000002"));
    assertThat(WalletCalls.json(List.of(new WalletCalls.Call("Pay", "0xab", "0x1", "0x"))))
        .isEqualTo("[{\"step\":\"Pay\",\"to\":\"0xab\",\"value\":\"0x1\",\"data\":\"0x\"}]");
  }
}
