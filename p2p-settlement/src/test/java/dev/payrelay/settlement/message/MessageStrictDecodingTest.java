package dev.payrelay.settlement.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.settlement.message.MessageFormatException.Reason;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MessageStrictDecodingTest {

  @Test
  void refusesAnotherVersionWithATypedError() {
    byte[] v2 = Messages.proof().encode();
    v2[1] = 2;

    assertReason(() -> PaymentProofMessage.decode(v2), Reason.UNSUPPORTED_VERSION);
    assertThatThrownBy(() -> PaymentProofMessage.decode(v2))
        .hasMessageContaining("version 2; this node speaks 1");
    assertReason(
        () -> SettlementMessages.decode(new ProtoWriter().writeVarint(1, 7).toByteArray()),
        Reason.UNSUPPORTED_VERSION);
    byte[] noVersion =
        Arrays.copyOfRange(Messages.proof().encode(), 2, Messages.proof().encode().length);
    assertReason(() -> PaymentProofMessage.decode(noVersion), Reason.UNSUPPORTED_VERSION);
    assertReason(() -> SyncRequest.decode(new byte[0]), Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void refusesTrailingGarbage() {
    for (byte[] valid :
        new byte[][] {
          Messages.proof().encode(),
          Messages.receipt().encode(),
          Messages.attestation().encode(),
          SettlementMessages.encode(Messages.proof())
        }) {
      for (byte[] tail : new byte[][] {{0}, {0x08, 0x01}, {(byte) 0xff}, {0x7a, 0x00}}) {
        byte[] garbage = concat(valid, tail);
        assertThatThrownBy(() -> decodeAny(garbage)).isInstanceOf(MessageFormatException.class);
      }
    }
  }

  @Test
  void refusesAKnownFieldWithTheWrongWireType() {
    // version (varint) written as a length-delimited field
    byte[] versionAsBytes = new ProtoWriter().writeBytes(1, new byte[] {1}).toByteArray();
    assertReason(() -> PaymentProofMessage.decode(versionAsBytes), Reason.MALFORMED);
    // the invoice reference (a message) written as a varint
    byte[] invoiceAsVarint = new ProtoWriter().writeVarint(1, 1).writeVarint(2, 5).toByteArray();
    assertReason(() -> PaymentProofMessage.decode(invoiceAsVarint), Reason.MALFORMED);
  }

  @Test
  void refusesMissingFieldsUnknownFieldsAndReorderedFields() {
    byte[] invoice = Messages.INVOICE.encode().toByteArray();
    byte[] transfer = Messages.etherByReference().encode().toByteArray();
    assertReason(
        () ->
            PaymentProofMessage.decode(
                new ProtoWriter().writeVarint(1, 1).writeBytes(2, invoice).toByteArray()),
        Reason.MISSING_FIELD);
    assertReason(
        () ->
            PaymentProofMessage.decode(
                new ProtoWriter()
                    .writeVarint(1, 1)
                    .writeBytes(2, invoice)
                    .writeBytes(3, transfer)
                    .writeVarint(9, 1)
                    .toByteArray()),
        Reason.NON_CANONICAL);
    assertReason(
        () ->
            PaymentProofMessage.decode(
                new ProtoWriter()
                    .writeVarint(1, 1)
                    .writeBytes(3, transfer)
                    .writeBytes(2, invoice)
                    .toByteArray()),
        Reason.NON_CANONICAL);
    assertReason(
        () ->
            PaymentProofMessage.decode(
                new ProtoWriter()
                    .writeVarint(1, 1)
                    .writeBytes(2, invoice)
                    .writeBytes(2, invoice)
                    .writeBytes(3, transfer)
                    .toByteArray()),
        Reason.NON_CANONICAL);
  }

  @Test
  void refusesOversizedMessagesAndFieldsByTheirNamedLimits() {
    assertReason(
        () -> PaymentProofMessage.decode(new byte[PaymentProofMessage.MAX_BYTES + 1]),
        Reason.TOO_LARGE);
    assertReason(
        () -> SettlementMessages.decode(new byte[SettlementMessages.MAX_ENVELOPE_BYTES + 1]),
        Reason.TOO_LARGE);
    assertReason(
        () ->
            SyncRequest.decode(
                new ProtoWriter()
                    .writeVarint(1, 1)
                    .writeVarint(2, 0)
                    .writeVarint(3, SyncRequest.MAX_PAGE_ITEMS + 1)
                    .toByteArray()),
        Reason.MALFORMED);
    byte[] longAmount =
        new ProtoWriter().writeBytes(6, new byte[Wire.MAX_AMOUNT_BYTES + 1]).toByteArray();
    assertThatThrownBy(
            () -> TransferClaim.decode(new dev.payrelay.p2p.core.ProtoReader(longAmount)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnAmountWithALeadingZeroByteAndAnUndefinedStatus() {
    SettlementReceipt receipt = Messages.receipt();
    byte[] bytes = receipt.encode();
    // status PAID (3) is written as "28 03"; make it 9
    int at = lastIndexOf(bytes, new byte[] {0x28, 0x03});
    bytes[at + 1] = 9;
    assertReason(() -> SettlementReceipt.decode(bytes), Reason.MALFORMED);
    byte[] paddedAmount = new ProtoWriter().writeBytes(6, new byte[] {0, 1}).toByteArray();
    assertThatThrownBy(
            () -> TransferClaim.decode(new dev.payrelay.p2p.core.ProtoReader(paddedAmount)))
        .isInstanceOfSatisfying(
            MessageFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NON_CANONICAL));
  }

  @Test
  void detectsATamperedSignatureOrSigner() {
    SettlementReceipt receipt = Messages.receipt();
    byte[] signature = receipt.signature();
    signature[0] ^= 1;
    SettlementReceipt tampered =
        new SettlementReceipt(
            receipt.invoice(),
            receipt.invoiceDigest(),
            receipt.transfers(),
            receipt.status(),
            receipt.issuedAt(),
            signature);
    SettlementReceipt otherStatus =
        new SettlementReceipt(
            receipt.invoice(),
            receipt.invoiceDigest(),
            receipt.transfers(),
            ReceiptStatus.PROCESSING,
            receipt.issuedAt(),
            receipt.signature());

    assertThat(receipt.hasValidSignature()).isTrue();
    assertThat(tampered.hasValidSignature()).isFalse();
    assertThat(otherStatus.hasValidSignature()).isFalse();
    assertThat(SettlementReceipt.decode(tampered.encode()).hasValidSignature()).isFalse();
    assertThatThrownBy(
            () ->
                SettlementReceipt.sign(
                    Messages.ATTESTER,
                    Messages.INVOICE,
                    receipt.invoiceDigest(),
                    receipt.transfers(),
                    ReceiptStatus.PAID,
                    Messages.AT))
        .isInstanceOf(IllegalArgumentException.class);
    Attestation attestation = Messages.attestation();
    byte[] attestationSignature = attestation.signature();
    attestationSignature[63] ^= 1;
    assertThat(
            new Attestation(
                    attestation.receiptDigest(),
                    attestation.attester(),
                    attestation.verdict(),
                    attestation.at(),
                    attestationSignature)
                .hasValidSignature())
        .isFalse();
  }

  @Test
  void refusesAnEnvelopeWithTwoMessagesOrNone() {
    byte[] proof = Messages.proof().encode();
    assertReason(
        () ->
            SettlementMessages.decode(
                new ProtoWriter()
                    .writeVarint(1, 1)
                    .writeBytes(2, proof)
                    .writeBytes(2, proof)
                    .toByteArray()),
        Reason.NON_CANONICAL);
    assertReason(
        () -> SettlementMessages.decode(new ProtoWriter().writeVarint(1, 1).toByteArray()),
        Reason.MISSING_FIELD);
  }

  static SettlementMessage decodeAny(byte[] bytes) {
    try {
      return PaymentProofMessage.decode(bytes);
    } catch (MessageFormatException notAProof) {
      try {
        return SettlementReceipt.decode(bytes);
      } catch (MessageFormatException notAReceipt) {
        try {
          return Attestation.decode(bytes);
        } catch (MessageFormatException notAnAttestation) {
          return SettlementMessages.decode(bytes);
        }
      }
    }
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            MessageFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int lastIndexOf(byte[] haystack, byte[] needle) {
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
