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

/**
 * Rows of {@code invoice_line_items}, read back in position order (written with their invoice by
 * {@link NewInvoicesStatement}).
 */
final class LineRows {

  private LineRows() {}

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
