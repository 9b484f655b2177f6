package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.LineItem;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.wallet.core.Asset;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Rows of {@code invoice_line_items}: written with their invoice, read back in position order. */
final class LineRows {

  private LineRows() {}

  /**
   * A data-modifying CTE ({@code lines AS (INSERT …)}) for {@code count} lines, bound by {@link
   * #bind}, so that an invoice and its lines are one statement.
   */
  static String insertCte(int count) {
    StringBuilder sql =
        new StringBuilder(
            "lines AS (INSERT INTO invoice_line_items (invoice_id, position, description,"
                + " quantity, unit_price, amount, discount, tax_rate, tax, total) VALUES ");
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(:id, ")
          .append(i)
          .append(", :d")
          .append(i)
          .append(", :q")
          .append(i)
          .append(", :p")
          .append(i)
          .append(", :a")
          .append(i)
          .append(", :x")
          .append(i)
          .append(", :r")
          .append(i)
          .append(", :t")
          .append(i)
          .append(", :s")
          .append(i)
          .append(")");
    }
    return sql.append(" RETURNING 1)").toString();
  }

  static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, List<PricedLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      PricedLine line = lines.get(i);
      spec =
          spec.bind("d" + i, line.item().description())
              .bind("q" + i, line.item().quantity())
              .bind("p" + i, InvoiceRows.units(line.item().unitPrice()))
              .bind("a" + i, InvoiceRows.units(line.amount()))
              .bind("x" + i, InvoiceRows.units(line.discount()))
              .bind("r" + i, line.item().taxRatePercent())
              .bind("t" + i, InvoiceRows.units(line.tax()))
              .bind("s" + i, InvoiceRows.units(line.total()));
    }
    return spec;
  }

  /** The lines of the invoices in {@code currencies} (id to currency), in position order. */
  static Mono<Map<UUID, List<PricedLine>>> of(DatabaseClient db, Map<UUID, Asset> currencies) {
    if (currencies.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            "SELECT invoice_id, description, quantity, unit_price, amount, discount, tax_rate, tax,"
                + " total FROM invoice_line_items WHERE invoice_id = ANY(:ids)"
                + " ORDER BY invoice_id, position")
        .bind("ids", currencies.keySet().toArray(UUID[]::new))
        .map(
            row -> {
              UUID id = row.get("invoice_id", UUID.class);
              return Map.entry(id, read(row, currencies.get(id)));
            })
        .all()
        .<Map<UUID, List<PricedLine>>>collect(
            HashMap::new,
            (map, e) -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
  }

  private static PricedLine read(Readable row, Asset currency) {
    return new PricedLine(
        new LineItem(
            row.get("description", String.class),
            row.get("quantity", BigDecimal.class),
            InvoiceRows.amount(row, "unit_price", currency),
            row.get("tax_rate", BigDecimal.class),
            InvoiceRows.amount(row, "discount", currency)),
        InvoiceRows.amount(row, "amount", currency),
        InvoiceRows.amount(row, "discount", currency),
        InvoiceRows.amount(row, "tax", currency),
        InvoiceRows.amount(row, "total", currency));
  }
}
