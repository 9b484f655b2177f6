package dev.payrelay.settlement;

import dev.payrelay.settlement.message.SettlementReceipt;
import java.util.Objects;

/**
 * What a node made of a payment proof: the answer to its submitter (the gateway's {@code POST
 * /v1/proofs}) and, through {@link #validation()}, to gossip. Outcomes come in three families: the
 * {@link Forwarded} ones (ACCEPT), the {@link Held} ones (IGNORE: not forwarded, nobody penalized
 * by gossip) and {@link Rejected} (REJECT).
 */
public sealed interface ProofOutcome {

  /** The gossip verdict for a proof with this outcome. */
  ValidationResult validation();

  /** Valid here: delivered and forwarded. */
  sealed interface Forwarded extends ProofOutcome {
    @Override
    default ValidationResult validation() {
      return ValidationResult.ACCEPT;
    }
  }

  /** Not forwarded from here, and not held against the peer it came from. */
  sealed interface Held extends ProofOutcome {
    @Override
    default ValidationResult validation() {
      return ValidationResult.IGNORE;
    }
  }

  /** The home node applied it (now or before); {@code receipt} is its signed receipt. */
  record Settled(SettlementReceipt receipt) implements Forwarded {
    public Settled {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /** Not the home: the chain confirms the claimed transfer; relayed towards the home node. */
  record Relayed() implements Forwarded {}

  /** The transfer is on chain but not deep enough yet; submit again later. */
  record Pending(long confirmations, long required) implements Held {}

  /**
   * This node cannot check it (no RPC endpoint for the chain, or the endpoint failed). A proof
   * submitted here is kept, so the home node gets it by sync; it is not forwarded.
   */
  record Unverifiable(String why) implements Held {}

  /** Seen already (settled, relayed, refused, or being checked right now). */
  record Duplicate() implements Held {}

  /** Too many proofs from that peer lately. */
  record RateLimited() implements Held {}

  /**
   * False, but only the home node can know: no such invoice here, or the transfer is not the
   * invoice's (another route, or applied to another invoice). Not forwarded; the publisher is
   * {@linkplain Penalty#FALSE_PROOF_FOR_LOCAL_INVOICE penalized}, the relaying peer is not, since
   * it could not tell.
   */
  record Refused(String why) implements Held {}

  /**
   * False for every node that checks it: malformed, or the chain contradicts the claimed transfer
   * (unknown transaction, other amount, other recipient or reference, reverted, reorged away).
   */
  record Rejected(String why) implements ProofOutcome {
    @Override
    public ValidationResult validation() {
      return ValidationResult.REJECT;
    }
  }
}
