package dev.payrelay.wallet.payment;

import dev.payrelay.wallet.core.Address;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * How a payment is linked to an invoice (see ARCHITECTURE "Payment methods"): through a payment
 * proxy's event carrying the invoice's reference, or by arriving at the invoice's own deposit
 * address.
 */
public sealed interface PaymentRoute
    permits PaymentRoute.ByReference, PaymentRoute.ToDepositAddress {

  /**
   * Paid through a proxy contract to the store's {@code recipient}, with the invoice's reference.
   *
   * @param referenceTopic keccak256 of the reference bytes: the event's indexed topic
   */
  record ByReference(Address recipient, byte[] referenceTopic) implements PaymentRoute {
    public ByReference {
      if (referenceTopic == null || referenceTopic.length != 32) {
        throw new IllegalArgumentException("a reference topic is 32 bytes");
      }
      referenceTopic = referenceTopic.clone();
    }

    @Override
    public byte[] referenceTopic() {
      return referenceTopic.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByReference other
          && recipient.equals(other.recipient)
          && Arrays.equals(referenceTopic, other.referenceTopic);
    }

    @Override
    public int hashCode() {
      return 31 * recipient.hashCode() + Arrays.hashCode(referenceTopic);
    }

    @Override
    public String toString() {
      return "ByReference[" + recipient + ", 0x" + HexFormat.of().formatHex(referenceTopic) + "]";
    }
  }

  /** Sent (ETH, or an ERC-20 {@code Transfer}) to the invoice's own deposit address. */
  record ToDepositAddress(Address depositAddress) implements PaymentRoute {}
}
