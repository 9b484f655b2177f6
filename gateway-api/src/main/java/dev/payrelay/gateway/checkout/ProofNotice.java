package dev.payrelay.gateway.checkout;

/**
 * The message box the page shows after an "I have paid" submission without JavaScript.
 *
 * @param error whether nothing was recorded: the box is then an ARIA alert
 * @param txHash what the buyer entered, given back in the field to correct it
 */
record ProofNotice(boolean error, String kind, String message, String txHash) {

  static ProofNotice of(ProofOutcome outcome, String txHash) {
    boolean error = !outcome.result().accepted();
    return new ProofNotice(error, error ? "error" : "success", outcome.message(), txHash);
  }
}
