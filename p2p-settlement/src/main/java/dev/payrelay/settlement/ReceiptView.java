package dev.payrelay.settlement;

import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.SettlementReceipt;
import java.util.List;
import java.util.Objects;

/**
 * The latest receipt of an invoice as this node knows it, who attested it, and how far this node
 * trusts it (for {@code GET /v1/receipts/{invoiceRef}}).
 */
public record ReceiptView(
    SettlementReceipt receipt, List<Attestation> attestations, Acceptance acceptance) {

  public ReceiptView {
    Objects.requireNonNull(receipt, "receipt");
    attestations = List.copyOf(attestations);
    Objects.requireNonNull(acceptance, "acceptance");
  }

  /** Why (or whether) this node holds the receipt true. */
  public enum Acceptance {
    /** This node is the invoice's home and issued it. */
    ISSUED_HERE,
    /** This node checked every transfer on its own RPC endpoint and attested it. */
    VERIFIED_HERE,
    /** Quorum mode: enough allowlisted peers confirmed it; this node could not check it. */
    QUORUM,
    /** Stored, not verified here and (yet) without a quorum. */
    UNVERIFIED,
    /** This node's chain contradicts it; it attested DISPUTED. */
    DISPUTED_HERE
  }
}
