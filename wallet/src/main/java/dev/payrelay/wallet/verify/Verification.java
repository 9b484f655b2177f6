package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.payment.Transfer;
import java.util.Objects;

/**
 * The answer to a payment proof. The amount of the transfer may differ from the invoice's: partial
 * and over-payments are applied by invoicing, not refused here.
 */
public sealed interface Verification {

  /**
   * The transfer happened and is deep enough: {@code confirmations >= required}, or its block is
   * finalized (a finalized block cannot be reverted, whatever the policy says).
   *
   * @param confirmations blocks from the transfer's block to the head, both counted
   * @param finalized whether the chain's {@code finalized} block has reached the transfer's block
   */
  record Verified(Transfer transfer, long confirmations, boolean finalized)
      implements Verification {
    public Verified {
      Objects.requireNonNull(transfer, "transfer");
    }
  }

  /** The transfer happened but is not deep enough yet; ask again after more blocks. */
  record Pending(Transfer transfer, long confirmations, long required) implements Verification {
    public Pending {
      Objects.requireNonNull(transfer, "transfer");
    }
  }

  /** The proof does not pay the invoice; {@code detail} says what was found instead. */
  record Rejected(RejectionReason reason, String detail) implements Verification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
