package dev.payrelay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows the node wrote for one invoice it created over the API, column by column: the {@code
 * invoices} row, its {@code invoice_line_items} rows and its {@code invoice.created} {@code outbox}
 * row. The baseline inserts copies of exactly these, so both write the same columns, sizes and
 * index entries.
 */
record InvoiceTemplate(
    Map<String, Object> invoice, List<Map<String, Object>> lines, Map<String, Object> outbox) {

  /** The columns of an outbox row the writer sets; the others take their defaults. */
  static final List<String> OUTBOX_COLUMNS =
      List.of("store_id", "channel", "event_type", "ordering_key", "payload");

  /**
   * The invoice columns the node fills in; {@code voided_at}, {@code watch_closed_at} stay null.
   */
  static final List<String> INVOICE_COLUMNS =
      List.of(
          "id",
          "store_id",
          "number",
          "chain_id",
          "asset",
          "currency_symbol",
          "currency_decimals",
          "currency_contract",
          "subtotal",
          "discount_total",
          "tax_total",
          "total",
          "buyer_name",
          "buyer_email",
          "memo",
          "order_id",
          "metadata",
          "payment_methods",
          "pay_token",
          "payment_reference",
          "reference_topic",
          "reference_recipient",
          "reference_proxy",
          "deposit_address",
          "deposit_index",
          "status",
          "exception_status",
          "amount_seen",
          "amount_confirmed",
          "amount_due",
          "expires_at",
          "created_at",
          "updated_at");

  /** The rows of {@code invoiceId}, read from the node's database. */
  static InvoiceTemplate read(Connection c, UUID invoiceId) throws SQLException {
    List<Map<String, Object>> invoice =
        rows(
            c,
            "SELECT " + String.join(", ", INVOICE_COLUMNS) + " FROM invoices WHERE id = ?",
            invoiceId);
    List<Map<String, Object>> lines =
        rows(
            c,
            "SELECT * FROM invoice_line_items WHERE invoice_id = ? ORDER BY position",
            invoiceId);
    List<Map<String, Object>> outbox =
        rows(
            c,
            "SELECT "
                + String.join(", ", OUTBOX_COLUMNS)
                + " FROM outbox WHERE ordering_key = ?::text AND event_type = 'invoice.created'",
            invoiceId);
    if (invoice.size() != 1 || lines.size() != InvoiceRequests.LINES || outbox.size() != 1) {
      throw new IllegalStateException(
          "invoice "
              + invoiceId
              + " has "
              + invoice.size()
              + " row(s), "
              + lines.size()
              + " line(s) and "
              + outbox.size()
              + " invoice.created event(s)");
    }
    return new InvoiceTemplate(invoice.get(0), lines, outbox.get(0));
  }

  private static List<Map<String, Object>> rows(Connection c, String sql, UUID id)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            boolean instant = meta.getColumnTypeName(i).equals("timestamptz");
            row.put(
                meta.getColumnName(i),
                instant ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
