package dev.payrelay.wallet.payment;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;

/**
 * One on-chain movement of value towards a merchant, as found in a block: the unit that is applied
 * to at most one invoice, ever, keyed by {@link #key()}.
 *
 * @param logIndex the log that carries the transfer, or {@link #NATIVE_VALUE} for the value of a
 *     plain ETH transaction (which has no log)
 * @param to the merchant's receiving address (reference method) or the deposit address
 * @param amount what arrived, in the asset's base units; it may differ from what was asked
 */
public record Transfer(
    ChainId chain,
    TxHash tx,
    long logIndex,
    long blockNumber,
    String blockHash,
    Asset asset,
    Address to,
    TokenAmount amount,
    PaymentRoute route) {

  /** The "log index" of a native value transfer, which has no log. */
  public static final long NATIVE_VALUE = -1;

  public Transfer {
    if (logIndex < NATIVE_VALUE) {
      throw new IllegalArgumentException("log index " + logIndex);
    }
    if (!amount.asset().equals(asset)) {
      throw new IllegalArgumentException("amount in " + amount.asset() + " for " + asset);
    }
  }

  /** {@code (chain, tx, logIndex)}: what makes a transfer unique on-chain. */
  public Key key() {
    return new Key(chain, tx, logIndex);
  }

  /** The identity of a transfer across reorgs: the same key may appear again in another block. */
  public record Key(ChainId chain, TxHash tx, long logIndex) {}
}
