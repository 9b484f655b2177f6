package dev.payrelay.gateway.webhooks;

import dev.payrelay.invoicing.testing.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the test database: what the node wrote, seen from outside it. */
final class WebhookTestSql {

  private WebhookTestSql() {}

  static long number(Database db, String sql, Object... parameters) throws SQLException {
    List<String> rows = column(db, sql, parameters);
    return Long.parseLong(rows.get(0));
  }

  /** The first column of every row, as text. */
  static List<String> column(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  static int update(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }
}
