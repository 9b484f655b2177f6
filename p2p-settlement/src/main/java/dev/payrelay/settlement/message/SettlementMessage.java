package dev.payrelay.settlement.message;

/**
 * A message of the settlement protocol as it travels in gossip and in sync pages: a payment proof,
 * a settlement receipt or an attestation. {@link SettlementMessages} wraps one in the envelope that
 * the topics carry.
 */
public sealed interface SettlementMessage
    permits PaymentProofMessage, SettlementReceipt, Attestation {

  /** The message's own canonical encoding (without the envelope). */
  byte[] encode();
}
