package dev.payrelay.settlement.message;

import dev.payrelay.p2p.core.ProtoReader;
import dev.payrelay.p2p.core.ProtoWriter;
import dev.payrelay.settlement.message.MessageFormatException.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a peer's store: {@code SyncResponse { uint32 version = 1; repeated Item items = 2;
 * uint64 next_cursor = 3 }} with {@code Item { uint64 cursor = 1; bytes envelope = 2 }} (see {@link
 * SettlementMessages}). Items come in ascending cursor order; {@code next_cursor} is the cursor to
 * ask from next (the last item's, or the request's when the page is empty). A page shorter than the
 * request's limit is the last one for now.
 */
public record SyncResponse(List<SyncItem> items, long nextCursor) {
  /** Largest encoded page, in bytes: a full page of the largest envelopes. */
  public static final int MAX_BYTES =
      16 + SyncRequest.MAX_PAGE_ITEMS * (SettlementMessages.MAX_ENVELOPE_BYTES + 24);

  static final int FIELD_ITEMS = 2;
  static final int FIELD_NEXT_CURSOR = 3;
  private static final int ITEM_CURSOR = 1;
  private static final int ITEM_ENVELOPE = 2;

  private static final String WHAT = "sync response";

  public SyncResponse {
    items = List.copyOf(items);
    if (items.size() > SyncRequest.MAX_PAGE_ITEMS) {
      throw new IllegalArgumentException("a page holds at most " + SyncRequest.MAX_PAGE_ITEMS);
    }
    long previous = 0;
    for (SyncItem item : items) {
      if (item.cursor() <= previous) {
        throw new IllegalArgumentException("sync items must be in ascending cursor order");
      }
      previous = item.cursor();
    }
    if (nextCursor < previous) {
      throw new IllegalArgumentException("the next cursor is at least the last item's");
    }
  }

  public byte[] encode() {
    ProtoWriter out = Wire.versioned();
    for (SyncItem item : items) {
      out.writeMessage(
          FIELD_ITEMS,
          new ProtoWriter()
              .writeVarint(ITEM_CURSOR, item.cursor())
              .writeBytes(ITEM_ENVELOPE, SettlementMessages.encode(item.message())));
    }
    return out.writeVarint(FIELD_NEXT_CURSOR, nextCursor).toByteArray();
  }

  /**
   * @throws MessageFormatException for anything but a canonical version-1 page in bounds, with
   *     every item a valid envelope in ascending cursor order
   */
  public static SyncResponse decode(byte[] bytes) {
    return Wire.decode(WHAT, bytes, MAX_BYTES, SyncResponse::body, SyncResponse::encode);
  }

  private static SyncResponse body(ProtoReader reader) {
    List<SyncItem> items = new ArrayList<>();
    Long next = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case FIELD_ITEMS -> {
          if (items.size() == SyncRequest.MAX_PAGE_ITEMS) {
            throw new MessageFormatException(Reason.TOO_LARGE, WHAT + " holds too many items");
          }
          items.add(item(reader.readMessage(SettlementMessages.MAX_ENVELOPE_BYTES + 24)));
        }
        case FIELD_NEXT_CURSOR -> next = Wire.millis(reader, "next cursor");
        default -> throw Wire.unknownField(WHAT, reader.fieldNumber());
      }
    }
    return new SyncResponse(items, Wire.require(next, WHAT, "next cursor"));
  }

  private static SyncItem item(ProtoReader reader) {
    Long cursor = null;
    SettlementMessage message = null;
    while (reader.next()) {
      switch (reader.fieldNumber()) {
        case ITEM_CURSOR -> cursor = Wire.millis(reader, "item cursor");
        case ITEM_ENVELOPE ->
            message =
                SettlementMessages.decode(reader.readBytes(SettlementMessages.MAX_ENVELOPE_BYTES));
        default -> throw Wire.unknownField("sync item", reader.fieldNumber());
      }
    }
    return new SyncItem(
        Wire.require(cursor, "sync item", "cursor"), Wire.require(message, "sync item", "message"));
  }
}
