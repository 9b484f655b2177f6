package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.Transfer;
import java.util.OptionalLong;

/**
 * A claim that a transaction paid an invoice: anyone may submit one (the checkout page, a buyer's
 * script, another node), so it is checked against the chain before it counts.
 *
 * @param logIndex the log (its index in the block) that carries the payment, if the submitter knows
 *     it; {@link Transfer#NATIVE_VALUE} for the ETH value of the transaction itself; empty to let
 *     the verifier find the first matching transfer in the transaction
 */
public record PaymentProof(ChainId chain, TxHash tx, OptionalLong logIndex) {

  public PaymentProof {
    if (chain == null || tx == null) {
      throw new InvalidValueException("a payment proof names a chain and a transaction hash");
    }
    if (logIndex == null) {
      logIndex = OptionalLong.empty();
    }
    if (logIndex.isPresent() && logIndex.getAsLong() < Transfer.NATIVE_VALUE) {
      throw new InvalidValueException(
          "a log index is >= 0, or -1 for a transaction's ETH value; got " + logIndex.getAsLong());
    }
  }

  /** A proof without a log index: the first matching transfer of the transaction counts. */
  public static PaymentProof of(ChainId chain, TxHash tx) {
    return new PaymentProof(chain, tx, OptionalLong.empty());
  }

  public static PaymentProof of(ChainId chain, TxHash tx, long logIndex) {
    return new PaymentProof(chain, tx, OptionalLong.of(logIndex));
  }
}
