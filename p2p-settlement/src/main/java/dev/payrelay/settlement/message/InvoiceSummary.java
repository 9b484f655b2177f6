package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.wallet.core.Asset;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a home node's invoice looks like after its transfers, as far as a receipt vouches for it:
 * currency, total, amount paid, status and the transfers applied. {@link #digest()} is SHA-256 of
 * its canonical encoding {@code InvoiceSummary { uint32 version = 1; bytes invoice_id = 2; uint64
 * chain = 3; string asset = 4 (CAIP-19 "/" symbol "/" decimals); bytes total = 5; bytes paid = 6;
 * Status status = 7; repeated Transfer transfers = 8 }}; every node computes the same digest from
 * the same summary.
 */
public record InvoiceSummary(
    UUID invoiceId,
    Asset asset,
    BigInteger total,
    BigInteger paid,
    ReceiptStatus status,
    List<TransferClaim> transfers) {

  static final int FIELD_INVOICE_ID = 2;
  static final int FIELD_CHAIN = 3;
  static final int FIELD_ASSET = 4;
  static final int FIELD_TOTAL = 5;
  static final int FIELD_PAID = 6;
  static final int FIELD_STATUS = 7;
  static final int FIELD_TRANSFERS = 8;

  public InvoiceSummary {
    Objects.requireNonNull(invoiceId, "invoiceId");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(status, "status");
    transfers = List.copyOf(transfers);
    if (transfers.size() > SettlementReceipt.MAX_TRANSFERS) {
      throw new IllegalArgumentException(
          "a receipt can list " + SettlementReceipt.MAX_TRANSFERS + " transfers at most");
    }
  }

  /** SHA-256 of the canonical encoding: the receipt's invoice digest. */
  public byte[] digest() {
    ProtoWriter out =
        Wire.versioned()
            .writeBytes(FIELD_INVOICE_ID, Wire.uuid(invoiceId))
            .writeVarint(FIELD_CHAIN, asset.chain().value())
            .writeString(
                FIELD_ASSET, asset.caip19() + "/" + asset.symbol() + "/" + asset.decimals())
            .writeBytes(FIELD_TOTAL, Wire.amount(total))
            .writeBytes(FIELD_PAID, Wire.amount(paid))
            .writeVarint(FIELD_STATUS, status.number());
    for (TransferClaim transfer : transfers) {
      out.writeMessage(FIELD_TRANSFERS, transfer.encode());
    }
    return Wire.sha256(out.toByteArray());
  }
}
