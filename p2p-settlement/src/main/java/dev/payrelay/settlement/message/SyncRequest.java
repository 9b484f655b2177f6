package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoReader;

/**
 * Asks a peer for what it stored after {@code cursor} (its own sequence numbers; 0 = from the
 * start), at most {@code limit} items. Wire form {@code SyncRequest { uint32 version = 1; uint64
 * cursor = 2; uint32 limit = 3 }}, on the request/response protocol {@value #PROTOCOL_ID}.
 */
public record SyncRequest(long cursor, int limit) {
  /** The libp2p protocol id of catch-up sync. */
  public static final String PROTOCOL_ID = "/payrelay/sync/1.0.0";

  /** Most items one page may hold. */
  public static final int MAX_PAGE_ITEMS = 128;

  /** Largest encoded request, in bytes. */
  public static final int MAX_BYTES = 32;

  static final int FIELD_CURSOR = 2;
  static final int FIELD_LIMIT = 3;

  private static final String WHAT = "sync request";

  public SyncRequest {
    if (cursor < 0) {
      throw new IllegalArgumentException("a cursor is >= 0, not " + cursor);
    }
    if (limit < 1 || limit > MAX_PAGE_ITEMS) {
      throw new IllegalArgumentException(
          "a page holds 1.." + MAX_PAGE_ITEMS + " items, not " + limit);
    }
  }

  public byte[] encode() {
    return Wire.versioned()
        .writeVarint(FIELD_CURSOR, cursor)
        .writeVarint(FIELD_LIMIT, limit)
        .toByteArray();
  }

  /**
   * @throws MessageFormatException for anything but a canonical version-1 request in bounds
   */
  public static SyncRequest decode(byte[] bytes) {
    return Wire.decode(WHAT, bytes, MAX_BYTES, SyncRequest::body, SyncRequest::encode);
  }

  private static SyncRequest body(ProtoReader reader) {
    Long cursor = null;
    Integer limit = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_CURSOR -> cursor = Wire.millis(reader, "cursor");
        case FIELD_LIMIT -> limit = Wire.smallNumber(reader, "limit", MAX_PAGE_ITEMS);
        default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
      }
    }
    int items = Wire.require(limit, WHAT, "limit");
    if (items < 1) {
      throw new MessageFormatException(
          MessageFormatException.Reason.MALFORMED, WHAT + " asks for no items");
    }
    return new SyncRequest(Wire.require(cursor, WHAT, "cursor"), items);
  }
}
