package dev.payrelay.wallet.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TokenAmount;
import org.junit.jupiter.api.Test;

/** Golden URIs: what a wallet scanning the checkout page's QR code reads. */
class Eip681Test {

  private static final ChainId MAINNET = ChainId.MAINNET;
  private static final Asset.Native ETH = Asset.ether(MAINNET);
  private static final Asset.Erc20 USDC =
      new Asset.Erc20(
          MAINNET, Address.parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"), "USDC", 6);
  private static final Address MERCHANT =
      Address.parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
  private static final Address PROXY = Address.parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  private static final Address FEES = Address.parse("0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb");
  private static final PaymentReference REFERENCE =
      PaymentReference.parse("0x7cbe4bbe3e92620859b0702847c5c650");

  @Test
  void etherTransferWritesTheValueInWei() {
    // EIP-681's own example (2.014 ETH), with the value as a plain integer.
    assertThat(Eip681.etherTransfer(MERCHANT, TokenAmount.parse(ETH, "2.014")))
        .isEqualTo(
            "ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@1?value=2014000000000000000");
  }

  @Test
  void etherTransferOnAnotherChainNamesIt() {
    Asset.Native devEth = Asset.ether(ChainId.of(1337));

    assertThat(Eip681.etherTransfer(MERCHANT, TokenAmount.parse(devEth, "0.000000000000000001")))
        .isEqualTo("ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359@1337?value=1");
  }

  @Test
  void erc20TransferCallsTheTokensTransfer() {
    assertThat(Eip681.erc20Transfer(MERCHANT, TokenAmount.parse(USDC, "19.99")))
        .isEqualTo(
            "ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@1/transfer"
                + "?address=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359&uint256=19990000");
  }

  @Test
  void erc20ApproveLetsTheProxySpend() {
    assertThat(Eip681.erc20Approve(PROXY, TokenAmount.parse(USDC, "20.09")))
        .isEqualTo(
            "ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@1/approve"
                + "?address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed&uint256=20090000");
  }

  @Test
  void proxyEtherPaymentSendsAmountPlusFeeAsValue() {
    assertThat(
            Eip681.proxyEtherPayment(
                PROXY,
                MERCHANT,
                TokenAmount.parse(ETH, "1.5"),
                REFERENCE,
                TokenAmount.parse(ETH, "0.01"),
                FEES))
        .isEqualTo(
            "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1/transferWithReferenceAndFee"
                + "?address=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
                + "&bytes=0x7cbe4bbe3e92620859b0702847c5c650"
                + "&uint256=10000000000000000"
                + "&address=0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"
                + "&value=1510000000000000000");
  }

  @Test
  void proxyErc20PaymentNamesTheTokenFirst() {
    assertThat(
            Eip681.proxyErc20Payment(
                PROXY,
                MERCHANT,
                TokenAmount.parse(USDC, "19.99"),
                REFERENCE,
                TokenAmount.zero(USDC),
                Address.ZERO))
        .isEqualTo(
            "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@1/transferFromWithReferenceAndFee"
                + "?address=0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"
                + "&address=0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
                + "&uint256=19990000"
                + "&bytes=0x7cbe4bbe3e92620859b0702847c5c650"
                + "&uint256=0"
                + "&address=0x0000000000000000000000000000000000000000");
  }

  @Test
  void refusesAnAmountOfTheWrongKindOfAsset() {
    assertThatThrownBy(() -> Eip681.etherTransfer(MERCHANT, TokenAmount.parse(USDC, "1")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("USDC");
    assertThatThrownBy(() -> Eip681.erc20Transfer(MERCHANT, TokenAmount.parse(ETH, "1")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ERC-20");
  }

  @Test
  void refusesAFeeInAnotherAssetOrWithoutAnAddress() {
    TokenAmount amount = TokenAmount.parse(USDC, "10");

    assertThatThrownBy(
            () ->
                Eip681.proxyErc20Payment(
                    PROXY, MERCHANT, amount, REFERENCE, TokenAmount.parse(ETH, "0.01"), FEES))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("fee is in ETH");
    assertThatThrownBy(
            () ->
                Eip681.proxyErc20Payment(
                    PROXY, MERCHANT, amount, REFERENCE, TokenAmount.parse(USDC, "1"), Address.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("fee needs an address");
  }

  @Test
  void refusesAZeroProxyOrRecipient() {
    TokenAmount amount = TokenAmount.parse(ETH, "1");
    TokenAmount noFee = TokenAmount.zero(ETH);

    assertThatThrownBy(
            () ->
                Eip681.proxyEtherPayment(
                    Address.ZERO, MERCHANT, amount, REFERENCE, noFee, Address.ZERO))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("proxy");
    assertThatThrownBy(() -> Eip681.etherTransfer(Address.ZERO, amount))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("recipient");
  }
}
