package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A node's signed verdict on a settlement receipt it checked independently. Wire form {@code
 * Attestation { uint32 version = 1; bytes receipt_digest = 2 (SHA-256 of the encoded receipt);
 * bytes attester = 3 (peer id); Verdict verdict = 4; uint64 at = 5 (Unix ms); bytes signature = 6
 * }}; the signature is Ed25519 by the attester's key over {@value #SIGNING_DOMAIN} ‖ fields 1–5.
 */
public record Attestation(
    byte[] receiptDigest, PeerId attester, Verdict verdict, Instant at, byte[] signature)
    implements SettlementMessage {

  /** Largest encoded attestation, in bytes. */
  public static final int MAX_BYTES = 256;

  /** Prefix of the signed bytes, so an attestation signature means nothing elsewhere. */
  public static final String SIGNING_DOMAIN = "payrelay-settlement-attestation:";

  static final int FIELD_RECEIPT_DIGEST = 2;
  static final int FIELD_ATTESTER = 3;
  static final int FIELD_VERDICT = 4;
  static final int FIELD_AT = 5;
  static final int FIELD_SIGNATURE = 6;

  private static final String WHAT = "attestation";

  public Attestation {
    Objects.requireNonNull(attester, "attester");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(at, "at");
    if (receiptDigest == null || receiptDigest.length != Wire.DIGEST_BYTES) {
      throw new IllegalArgumentException("a receipt digest is " + Wire.DIGEST_BYTES + " bytes");
    }
    if (signature == null || signature.length != Wire.SIGNATURE_BYTES) {
      throw new IllegalArgumentException("a signature is " + Wire.SIGNATURE_BYTES + " bytes");
    }
    if (at.toEpochMilli() < 0 || at.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("at is a non-negative whole millisecond");
    }
    receiptDigest = receiptDigest.clone();
    signature = signature.clone();
  }

  /** The attestation of {@code receipt} by the node holding {@code attester}. */
  public static Attestation sign(
      Ed25519KeyPair attester, SettlementReceipt receipt, Verdict verdict, Instant at) {
    Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
    byte[] digest = receipt.digest();
    byte[] unsigned = unsigned(digest, attester.peerId(), verdict, millis).toByteArray();
    return new Attestation(
        digest, attester.peerId(), verdict, millis, attester.sign(Wire.concat(domain(), unsigned)));
  }

  /** Whether the signature is the attester's own (its peer id inlines its key). */
  public boolean hasValidSignature() {
    byte[] signed =
        Wire.concat(domain(), unsigned(receiptDigest, attester, verdict, at).toByteArray());
    return attester.extractPublicKey().map(key -> key.verify(signed, signature)).orElse(false);
  }

  /** Whether this attests {@code receipt}. */
  public boolean attests(SettlementReceipt receipt) {
    return Arrays.equals(receiptDigest, receipt.digest());
  }

  @Override
  public byte[] receiptDigest() {
    return receiptDigest.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] encode() {
    return unsigned(receiptDigest, attester, verdict, at)
        .writeBytes(FIELD_SIGNATURE, signature)
        .toByteArray();
  }

  /**
   * Decodes an attestation strictly; the signature is checked by {@link #hasValidSignature()}.
   *
   * @throws MessageFormatException for anything but a canonical version-1 attestation
   */
  public static Attestation decode(byte[] bytes) {
    return Wire.decode(WHAT, bytes, MAX_BYTES, Attestation::body, Attestation::encode);
  }

  private static Attestation body(ProtoReader reader) {
    byte[] digest = null;
    PeerId attester = null;
    Verdict verdict = null;
    Long at = null;
    byte[] signature = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_RECEIPT_DIGEST -> digest = Wire.fixed(reader, Wire.DIGEST_BYTES, "digest");
        case FIELD_ATTESTER -> attester = Wire.peerId(reader, "attester");
        case FIELD_VERDICT -> verdict = Verdict.fromNumber(reader.readVarint());
        case FIELD_AT -> at = Wire.millis(reader, "at");
        case FIELD_SIGNATURE -> signature = Wire.fixed(reader, Wire.SIGNATURE_BYTES, "signature");
        default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
      }
    }
    return new Attestation(
        Wire.require(digest, WHAT, "receipt digest"),
        Wire.require(attester, WHAT, "attester"),
        Wire.require(verdict, WHAT, "verdict"),
        Instant.ofEpochMilli(Wire.require(at, WHAT, "time")),
        Wire.require(signature, WHAT, "signature"));
  }

  private static ProtoWriter unsigned(byte[] digest, PeerId attester, Verdict verdict, Instant at) {
    return Wire.versioned()
        .writeBytes(FIELD_RECEIPT_DIGEST, digest)
        .writeBytes(FIELD_ATTESTER, attester.toBytes())
        .writeVarint(FIELD_VERDICT, verdict.number())
        .writeVarint(FIELD_AT, at.toEpochMilli());
  }

  private static byte[] domain() {
    return SIGNING_DOMAIN.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attestation that && Arrays.equals(encode(), that.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Attestation["
        + attester
        + " "
        + verdict
        + " receipt "
        + HexFormat.of().formatHex(receiptDigest)
        + "]";
  }
}
