package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.settlement.message.MessageFormatException.Reason;

/**
 * The envelope the gossip topics and sync pages carry: {@code Envelope { uint32 version = 1; oneof
 * { PaymentProof proof = 2; SettlementReceipt receipt = 3; Attestation attestation = 4 } }},
 * exactly one of the three. Its bytes are what gossipsub's message id (SHA-256 of the data) is
 * taken of.
 */
public final class SettlementMessages {
  /** Largest envelope, in bytes: the largest message plus the envelope's own few bytes. */
  public static final int MAX_ENVELOPE_BYTES = SettlementReceipt.MAX_BYTES + 16;

  static final int FIELD_PROOF = 2;
  static final int FIELD_RECEIPT = 3;
  static final int FIELD_ATTESTATION = 4;

  private static final String WHAT = "settlement envelope";

  private SettlementMessages() {}

  /** The envelope of {@code message}. */
  public static byte[] encode(SettlementMessage message) {
    int field;
    if (message instanceof PaymentProofMessage) {
      field = FIELD_PROOF;
    } else if (message instanceof SettlementReceipt) {
      field = FIELD_RECEIPT;
    } else {
      field = FIELD_ATTESTATION;
    }
    return Wire.versioned().writeBytes(field, message.encode()).toByteArray();
  }

  /**
   * The message in an envelope, decoded strictly (signatures are not checked here).
   *
   * @throws MessageFormatException for anything but one canonical version-1 message
   */
  public static SettlementMessage decode(byte[] bytes) {
    return Wire.decode(
        WHAT, bytes, MAX_ENVELOPE_BYTES, SettlementMessages::body, SettlementMessages::encode);
  }

  /** SHA-256 of the envelope: the gossip message id and the store's deduplication key. */
  public static byte[] messageId(byte[] envelope) {
    return Wire.sha256(envelope);
  }

  private static SettlementMessage body(ProtoReader reader) {
    SettlementMessage message = null;
    while (reader.next()) {
      if (message != null) {
        throw new MessageFormatException(Reason.NON_CANONICAL, WHAT + " holds two messages");
      }
      message =
          switch (reader.fieldNumber()) {
            case FIELD_PROOF ->
                PaymentProofMessage.decode(reader.readBytes(PaymentProofMessage.MAX_BYTES));
            case FIELD_RECEIPT ->
                SettlementReceipt.decode(reader.readBytes(SettlementReceipt.MAX_BYTES));
            case FIELD_ATTESTATION -> Attestation.decode(reader.readBytes(Attestation.MAX_BYTES));
            default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
          };
    }
    if (message == null) {
      throw new MessageFormatException(Reason.MISSING_FIELD, WHAT + " holds no message");
    }
    return message;
  }
}
