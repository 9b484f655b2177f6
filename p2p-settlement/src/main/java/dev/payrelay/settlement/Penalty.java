package dev.payrelay.settlement;

/**
 * Misbehaviour the engine reports to the network beyond gossipsub's own REJECT accounting: the
 * adapter lowers the peer's score (gossipsub's application-specific score, P5) accordingly.
 */
public enum Penalty {
  /** It published a proof that the invoice's home node knows to be false (wrong invoice). */
  FALSE_PROOF_FOR_LOCAL_INVOICE,
  /** A sync page it served held a message that fails validation. */
  INVALID_SYNC_ITEM,
  /** Its sync response was not a valid page. */
  MALFORMED_SYNC_RESPONSE
}
