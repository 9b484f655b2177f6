package dev.payrelay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The invoices the benchmark had answered 201 per store, checked against the database: each store
 * must hold exactly that many, numbered 1 to that many with no gap and no repeat, each with one
 * {@code invoice.created} event in the outbox; the baseline's store exactly the rows inserted.
 */
final class StoreLedger {

  private final BenchNode node;
  private final List<UUID> stores;
  private final AtomicLongArray created;

  StoreLedger(BenchNode node, List<UUID> stores) {
    this.node = node;
    this.stores = List.copyOf(stores);
    this.created = new AtomicLongArray(stores.size());
  }

  void created(int store, long count) {
    created.addAndGet(store, count);
  }

  /** Fails unless the database holds what was answered (and {@code baseline} rows in its store). */
  void check(long baselineRows, UUID baselineStore) throws SQLException {
    try (Connection c = node.connect()) {
      for (int i = 0; i < stores.size(); i++) {
        long expected = created.get(i);
        long[] found = counts(c, stores.get(i));
        if (found[0] != expected || found[1] != expected || found[2] != expected) {
          throw new IllegalStateException(
              String.format(
                  "store %s: %d invoices answered, but %d rows numbered up to %d with %d"
                      + " invoice.created events",
                  stores.get(i), expected, found[0], found[1], found[2]));
        }
      }
      long[] baseline = counts(c, baselineStore);
      if (baseline[0] != baselineRows || baseline[2] != baselineRows) {
        throw new IllegalStateException(
            "the baseline inserted "
                + baselineRows
                + " invoices, but its store has "
                + baseline[0]
                + " and "
                + baseline[2]
                + " events");
      }
    }
  }

  /** Rows, highest number and {@code invoice.created} events of {@code store}. */
  private static long[] counts(Connection c, UUID store) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT (SELECT count(*) FROM invoices WHERE store_id = ?),"
                + " (SELECT coalesce(max(number), 0) FROM invoices WHERE store_id = ?),"
                + " (SELECT count(*) FROM outbox WHERE store_id = ?"
                + " AND event_type = 'invoice.created')")) {
      for (int i = 1; i <= 3; i++) {
        s.setObject(i, store);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      }
    }
  }
}
