package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.TokenAmount;

/** The instructions a buyer follows to pay an invoice by one method. */
public sealed interface PaymentOption
    permits PaymentOption.ByReference, PaymentOption.ToDepositAddress {

  PaymentMethod method();

  TokenAmount amount();

  /** An EIP-681 URI a wallet can open. */
  String uri();

  /**
   * Pay {@code amount} to {@code recipient} through the {@code proxy} contract with {@code
   * reference} (hex, as passed to the proxy call).
   */
  record ByReference(
      Address recipient, Address proxy, String reference, TokenAmount amount, String uri)
      implements PaymentOption {
    @Override
    public PaymentMethod method() {
      return PaymentMethod.REFERENCE;
    }
  }

  /** Send {@code amount} to {@code address}, derived at {@code index} from the store's xpub. */
  record ToDepositAddress(Address address, long index, TokenAmount amount, String uri)
      implements PaymentOption {
    @Override
    public PaymentMethod method() {
      return PaymentMethod.DEPOSIT_ADDRESS;
    }
  }
}
