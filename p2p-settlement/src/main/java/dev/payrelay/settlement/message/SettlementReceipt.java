package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The home node's signed statement that it applied transfers to one of its invoices. Wire form
 * {@code SettlementReceipt { uint32 version = 1; InvoiceRef invoice = 2; bytes invoice_digest = 3
 * (SHA-256 of the canonical invoice summary); repeated Transfer transfers = 4 (all applied so far,
 * 1..64); Status status = 5; uint64 issued_at = 6 (Unix ms); bytes signature = 7 }}.
 *
 * <p>The signature is Ed25519 by the key of {@code invoice.home} over {@value #SIGNING_DOMAIN} ‖
 * the encoding of fields 1–6, so anyone can check it from the invoice reference alone (the home's
 * peer id inlines its public key).
 */
public record SettlementReceipt(
    InvoiceRef invoice,
    byte[] invoiceDigest,
    List<TransferClaim> transfers,
    ReceiptStatus status,
    Instant issuedAt,
    byte[] signature)
    implements SettlementMessage {

  /** Most transfers one receipt lists. */
  public static final int MAX_TRANSFERS = 64;

  /** Largest encoded receipt, in bytes. */
  public static final int MAX_BYTES = 512 + MAX_TRANSFERS * (TransferClaim.MAX_BYTES + 4);

  /** Prefix of the signed bytes, so a receipt signature means nothing elsewhere. */
  public static final String SIGNING_DOMAIN = "payrelay-settlement-receipt:";

  static final int FIELD_INVOICE = 2;
  static final int FIELD_INVOICE_DIGEST = 3;
  static final int FIELD_TRANSFERS = 4;
  static final int FIELD_STATUS = 5;
  static final int FIELD_ISSUED_AT = 6;
  static final int FIELD_SIGNATURE = 7;

  private static final String WHAT = "settlement receipt";

  public SettlementReceipt {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(issuedAt, "issuedAt");
    requireLength(invoiceDigest, Wire.DIGEST_BYTES, "invoice digest");
    requireLength(signature, Wire.SIGNATURE_BYTES, "signature");
    transfers = List.copyOf(transfers);
    if (transfers.isEmpty() || transfers.size() > MAX_TRANSFERS) {
      throw new IllegalArgumentException(
          "a receipt lists 1.." + MAX_TRANSFERS + " transfers, not " + transfers.size());
    }
    if (issuedAt.toEpochMilli() < 0 || issuedAt.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("issued at is a non-negative whole millisecond");
    }
    invoiceDigest = invoiceDigest.clone();
    signature = signature.clone();
  }

  /**
   * Signs a receipt with the home node's key.
   *
   * @throws IllegalArgumentException if {@code home} is not the key of {@code invoice.home()}
   */
  public static SettlementReceipt sign(
      Ed25519KeyPair home,
      InvoiceRef invoice,
      byte[] invoiceDigest,
      List<TransferClaim> transfers,
      ReceiptStatus status,
      Instant issuedAt) {
    if (!home.peerId().equals(invoice.home())) {
      throw new IllegalArgumentException("only the invoice's home node signs its receipts");
    }
    Instant millis = Instant.ofEpochMilli(issuedAt.toEpochMilli());
    byte[] unsigned = unsigned(invoice, invoiceDigest, transfers, status, millis).toByteArray();
    byte[] signature = home.sign(Wire.concat(domain(), unsigned));
    return new SettlementReceipt(invoice, invoiceDigest, transfers, status, millis, signature);
  }

  /** Whether the signature is the invoice's home node's, over this receipt. */
  public boolean hasValidSignature() {
    byte[] signed =
        Wire.concat(
            domain(), unsigned(invoice, invoiceDigest, transfers, status, issuedAt).toByteArray());
    return invoice
        .home()
        .extractPublicKey()
        .map(key -> key.verify(signed, signature))
        .orElse(false);
  }

  /** SHA-256 of the encoded receipt: what attestations name. */
  public byte[] digest() {
    return Wire.sha256(encode());
  }

  @Override
  public byte[] invoiceDigest() {
    return invoiceDigest.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] encode() {
    return unsigned(invoice, invoiceDigest, transfers, status, issuedAt)
        .writeBytes(FIELD_SIGNATURE, signature)
        .toByteArray();
  }

  /**
   * Decodes a receipt strictly; the signature is checked by {@link #hasValidSignature()}.
   *
   * @throws MessageFormatException for anything but a canonical version-1 receipt within limits
   */
  public static SettlementReceipt decode(byte[] bytes) {
    return Wire.decode(WHAT, bytes, MAX_BYTES, SettlementReceipt::body, SettlementReceipt::encode);
  }

  private static SettlementReceipt body(ProtoReader reader) {
    InvoiceRef invoice = null;
    byte[] digest = null;
    List<TransferClaim> transfers = new ArrayList<>();
    ReceiptStatus status = null;
    Long issuedAt = null;
    byte[] signature = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_INVOICE -> invoice = InvoiceRef.decode(reader.readMessage(InvoiceRef.MAX_BYTES));
        case FIELD_INVOICE_DIGEST -> digest = Wire.fixed(reader, Wire.DIGEST_BYTES, "digest");
        case FIELD_TRANSFERS -> {
          if (transfers.size() == MAX_TRANSFERS) {
            throw new MessageFormatException(
                MessageFormatException.Reason.TOO_LARGE,
                WHAT + " lists more than " + MAX_TRANSFERS + " transfers");
          }
          transfers.add(TransferClaim.decode(reader.readMessage(TransferClaim.MAX_BYTES)));
        }
        case FIELD_STATUS -> status = ReceiptStatus.fromNumber(reader.readVarint());
        case FIELD_ISSUED_AT -> issuedAt = Wire.millis(reader, "issued at");
        case FIELD_SIGNATURE -> signature = Wire.fixed(reader, Wire.SIGNATURE_BYTES, "signature");
        default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
      }
    }
    if (transfers.isEmpty()) {
      throw new MessageFormatException(
          MessageFormatException.Reason.MISSING_FIELD, WHAT + " lists no transfer");
    }
    return new SettlementReceipt(
        Wire.require(invoice, WHAT, "invoice reference"),
        Wire.require(digest, WHAT, "invoice digest"),
        transfers,
        Wire.require(status, WHAT, "status"),
        Instant.ofEpochMilli(Wire.require(issuedAt, WHAT, "issued at")),
        Wire.require(signature, WHAT, "signature"));
  }

  private static ProtoWriter unsigned(
      InvoiceRef invoice,
      byte[] digest,
      List<TransferClaim> transfers,
      ReceiptStatus status,
      Instant issuedAt) {
    ProtoWriter out =
        Wire.versioned()
            .writeMessage(FIELD_INVOICE, invoice.encode())
            .writeBytes(FIELD_INVOICE_DIGEST, digest);
    for (TransferClaim transfer : transfers) {
      out.writeMessage(FIELD_TRANSFERS, transfer.encode());
    }
    return out.writeVarint(FIELD_STATUS, status.number())
        .writeVarint(FIELD_ISSUED_AT, issuedAt.toEpochMilli());
  }

  private static byte[] domain() {
    return SIGNING_DOMAIN.getBytes(StandardCharsets.US_ASCII);
  }

  private static void requireLength(byte[] bytes, int length, String what) {
    if (bytes == null || bytes.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettlementReceipt that && Arrays.equals(encode(), that.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "SettlementReceipt["
        + invoice
        + ", "
        + status
        + ", "
        + transfers.size()
        + " transfers, digest "
        + HexFormat.of().formatHex(digest())
        + "]";
  }
}
