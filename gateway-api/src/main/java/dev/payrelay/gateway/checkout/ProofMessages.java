package dev.payrelay.gateway.checkout;

import dev.payrelay.wallet.verify.RejectionReason;

/** The buyer's sentence for each reason the chain gives for not counting a transaction. */
final class ProofMessages {

  private ProofMessages() {}

  static String rejected(RejectionReason reason, String chain, String asset) {
    switch (reason) {
      case UNKNOWN_CHAIN:
        return "This node cannot check payments on the chain of this invoice right now.";
      case WRONG_CHAIN:
        return "That transaction is on another chain: this invoice is paid on " + chain + ".";
      case UNKNOWN_TRANSACTION:
        return "No transaction with this hash was found on "
            + chain
            + ". If you have just sent it, wait until it is mined, then try again.";
      case REVERTED:
        return "This transaction failed on the chain (it was reverted), so nothing was paid.";
      case NO_MATCHING_EVENT:
        return "This transaction does not pay this invoice: it sends nothing to its address or"
            + " with its payment reference.";
      case WRONG_RECIPIENT:
        return "This transaction pays another address than this invoice's.";
      case WRONG_ASSET:
        return "This transaction pays in another currency: this invoice is paid in " + asset + ".";
      case WRONG_REFERENCE:
        return "This transaction carries another invoice's payment reference.";
      case NOT_CANONICAL:
        return "The block that held this transaction is no longer part of the chain (a"
            + " reorganisation). Wait until the transaction is mined again, then try again.";
      case TOO_LARGE:
      default:
        return "This transaction is too large to be checked here. Please contact the merchant.";
    }
  }

  static final String MALFORMED =
      "Enter the transaction hash: 0x followed by 64 hexadecimal digits (0-9, a-f).";

  static final String CLOSED = "This invoice was cancelled by the merchant and takes no payments.";

  static final String ALREADY_RECORDED = "This transaction is already recorded for this invoice.";

  static final String OTHER_INVOICE = "This transaction has already paid another invoice.";

  static String unavailable(String chain) {
    return "The node cannot reach "
        + chain
        + " right now, so it could not check your transaction. Nothing is lost: try again in a"
        + " minute.";
  }

  static String rateLimited(long seconds) {
    return "Too many attempts from your connection. Try again in " + seconds + " seconds.";
  }
}
