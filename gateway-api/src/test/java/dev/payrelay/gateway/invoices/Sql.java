package dev.payrelay.gateway.invoices;

import dev.payrelay.invoicing.testing.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on the test database: what the API wrote, seen from outside it. */
final class Sql {

  /**
   * Everything a request that creates or changes invoices writes: invoices, their lines, the
   * outbox, idempotency keys, the default store's counters. Equal before and after means nothing
   * was written.
   */
  static final String WRITES =
      "SELECT concat_ws(' ', (SELECT count(*) FROM invoices),"
          + " (SELECT count(*) FROM invoice_line_items), (SELECT count(*) FROM outbox),"
          + " (SELECT count(*) FROM idempotency_keys),"
          + " (SELECT count(*) FROM invoices WHERE status = 'void'),"
          + " (SELECT next_invoice_number || '/' || next_deposit_index FROM stores"
          + " WHERE is_default))";

  private Sql() {}

  static int update(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      return s.executeUpdate();
    }
  }

  /** The first column of the first row of {@code sql}, as text. */
  static String text(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no row: " + sql);
        }
        return rs.getString(1);
      }
    }
  }

  static long number(Database db, String sql, Object... parameters) throws SQLException {
    return Long.parseLong(text(db, sql, parameters));
  }

  static String writes(Database db) throws SQLException {
    return text(db, WRITES);
  }

  private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }
}
