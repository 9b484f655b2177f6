package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoReader;
import java.util.Objects;

/**
 * A claim that an on-chain transfer pays an invoice; anyone may send one, so every node checks what
 * it can. Wire form {@code PaymentProof { uint32 version = 1; InvoiceRef invoice = 2; Transfer
 * transfer = 3 }} (see {@link InvoiceRef}, {@link TransferClaim}).
 */
public record PaymentProofMessage(InvoiceRef invoice, TransferClaim transfer)
    implements SettlementMessage {

  /** Largest encoded proof, in bytes. */
  public static final int MAX_BYTES = 512;

  static final int FIELD_INVOICE = 2;
  static final int FIELD_TRANSFER = 3;

  private static final String WHAT = "payment proof";

  public PaymentProofMessage {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(transfer, "transfer");
  }

  /**
   * What makes two proofs the same claim: the transfer's place and the invoice. A proof without a
   * log index is another claim than one with it.
   */
  public ProofKey key() {
    return new ProofKey(transfer.chain(), transfer.tx(), transfer.logIndex(), invoice);
  }

  @Override
  public byte[] encode() {
    return Wire.versioned()
        .writeMessage(FIELD_INVOICE, invoice.encode())
        .writeMessage(FIELD_TRANSFER, transfer.encode())
        .toByteArray();
  }

  /**
   * Decodes a proof strictly.
   *
   * @throws MessageFormatException for anything but a canonical version-1 proof within the limits
   */
  public static PaymentProofMessage decode(byte[] bytes) {
    return Wire.decode(
        WHAT, bytes, MAX_BYTES, PaymentProofMessage::body, PaymentProofMessage::encode);
  }

  private static PaymentProofMessage body(ProtoReader reader) {
    InvoiceRef invoice = null;
    TransferClaim transfer = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_INVOICE -> invoice = InvoiceRef.decode(reader.readMessage(InvoiceRef.MAX_BYTES));
        case FIELD_TRANSFER ->
            transfer = TransferClaim.decode(reader.readMessage(TransferClaim.MAX_BYTES));
        default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
      }
    }
    return new PaymentProofMessage(
        Wire.require(invoice, WHAT, "invoice reference"), Wire.require(transfer, WHAT, "transfer"));
  }
}
