package dev.payrelay.wallet.verify;

/** Why a payment proof does not pay the invoice it names. */
public enum RejectionReason {
  /** This node has no endpoint for the proof's chain; another node may verify it. */
  UNKNOWN_CHAIN,
  /** The proof names another chain than the one the invoice is payable on. */
  WRONG_CHAIN,
  /** The chain has no such transaction, or it is still waiting to be mined (the detail says). */
  UNKNOWN_TRANSACTION,
  /** The transaction was mined but failed (receipt status 0): nothing moved. */
  REVERTED,
  /** The transaction holds no transfer of the kind the invoice's payment method expects. */
  NO_MATCHING_EVENT,
  /** It pays the invoice's reference or asset, but to another address. */
  WRONG_RECIPIENT,
  /** It pays the right recipient, but in another asset (another token, or ETH for a token). */
  WRONG_ASSET,
  /** It pays through a trusted proxy, but with another invoice's reference. */
  WRONG_REFERENCE,
  /** The block that held the transaction is no longer on the canonical chain (a reorg). */
  NOT_CANONICAL,
  /** The transaction is larger than one proof may cost to check. */
  TOO_LARGE
}
