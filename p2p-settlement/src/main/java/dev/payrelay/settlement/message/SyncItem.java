package dev.payrelay.settlement.message;

import java.util.Objects;

/** One stored message in a sync page, with the sender's sequence number for it. */
public record SyncItem(long cursor, SettlementMessage message) {
  public SyncItem {
    if (cursor < 1) {
      throw new IllegalArgumentException("stored messages are numbered from 1, not " + cursor);
    }
    Objects.requireNonNull(message, "message");
  }
}
