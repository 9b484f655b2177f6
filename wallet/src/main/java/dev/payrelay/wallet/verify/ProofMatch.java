package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.payment.Transfer;

/** What a receipt says about a proof before its depth is known: a transfer, or a rejection. */
sealed interface ProofMatch {

  record Matched(Transfer transfer) implements ProofMatch {}

  record Refused(Verification.Rejected rejection) implements ProofMatch {}

  static ProofMatch refused(RejectionReason reason, String detail) {
    return new Refused(new Verification.Rejected(reason, detail));
  }
}
