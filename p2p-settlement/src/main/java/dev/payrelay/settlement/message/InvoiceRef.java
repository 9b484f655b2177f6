package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import java.util.Objects;
import java.util.UUID;

/**
 * An invoice anywhere on the network: its home node's peer id and its id there. Wire form {@code
 * InvoiceRef { bytes home = 1 (peer id multihash); bytes invoice_id = 2 (16-byte UUID) }}. Text
 * form {@code <home peer id>:<invoice uuid>}.
 */
public record InvoiceRef(PeerId home, UUID invoiceId) {
  static final int FIELD_HOME = 1;
  static final int FIELD_INVOICE_ID = 2;

  /** Encoded size bound: two tags, two lengths, a peer id, a UUID. */
  static final int MAX_BYTES = 4 + Wire.MAX_PEER_ID_BYTES + Wire.UUID_BYTES;

  private static final char SEPARATOR = ':';

  public InvoiceRef {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(invoiceId, "invoiceId");
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException if it is not {@code <peer id>:<uuid>}
   */
  public static InvoiceRef parse(String text) {
    int at = text.lastIndexOf(SEPARATOR);
    if (at < 1) {
      throw new IllegalArgumentException("an invoice reference is <home peer id>:<invoice id>");
    }
    return new InvoiceRef(
        PeerId.parse(text.substring(0, at)), UUID.fromString(text.substring(at + 1)));
  }

  ProtoWriter encode() {
    return new ProtoWriter()
        .writeBytes(FIELD_HOME, home.toBytes())
        .writeBytes(FIELD_INVOICE_ID, Wire.uuid(invoiceId));
  }

  static InvoiceRef decode(ProtoReader reader) {
    PeerId home = null;
    UUID id = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_HOME -> home = Wire.peerId(reader, "invoice reference home");
        case FIELD_INVOICE_ID -> id = Wire.uuid(reader, "invoice id");
        default -> throw Wire.unknownField("invoice reference", reader.fieldNumber());
      }
    }
    return new InvoiceRef(
        Wire.require(home, "invoice reference", "home peer id"),
        Wire.require(id, "invoice reference", "invoice id"));
  }

  @Override
  public String toString() {
    return home.toBase58() + SEPARATOR + invoiceId;
  }
}
