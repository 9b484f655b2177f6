package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * {@code GET /v1/invoices/export}: CSV of invoices and of payments, exact amounts that add up,
 * spreadsheet-safe text, the list's filters, and no confusion with {@code /v1/invoices/{id}}.
 */
class InvoiceExportTest extends InvoiceNode {

  static final String INSERT_PAYMENT =
      "INSERT INTO invoice_payments (chain_id, tx_hash, log_index, invoice_id, amount, state,"
          + " block_number, block_hash, confirmations, first_seen_at, updated_at)"
          + " VALUES (1337, ?, ?, ?::uuid, ?, 'confirmed', 40, ?, 3, now(), now())";

  @Test
  void exportsInvoicesAndPaymentsAsCsvWhoseAmountsAddUp() throws Exception {
    String prefix = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> a =
        create(Bodies.invoice("USDC", Bodies.line("Beans, 1 kg", "3", "12.345", "8.25", null)));
    Map<String, Object> withOrder = Bodies.coffee(prefix + "-b");
    withOrder.put("buyer", Map.of("name", "=HYPERLINK(\"x\")", "email", "ada@example.com"));
    Map<String, Object> b = create(withOrder);
    String idA = (String) a.get("id");
    String idB = (String) b.get("id");
    Sql.update(db, INSERT_PAYMENT, hash(), 1L, idB, 1_000_000L, hash());
    Sql.update(db, INSERT_PAYMENT, hash(), 2L, idB, 2_250_000L, hash());

    String csv = export("orderId=" + prefix + "-b");
    List<String> lines = Arrays.asList(csv.split("\r\n"));
    assertThat(lines.get(0)).startsWith("invoice_id,number,created_at,status,exception,chain_id");
    assertThat(lines).hasSize(2);
    List<String> row = cells(lines.get(1));
    Map<String, String> cells = zip(cells(lines.get(0)), row);
    assertThat(cells)
        .containsEntry("invoice_id", idB)
        .containsEntry("currency", "USDC")
        .containsEntry("decimals", "6")
        .containsEntry("total_base_units", "4500000")
        .containsEntry("total", "4.5")
        .containsEntry("order_id", prefix + "-b")
        .containsEntry("buyer_name", "'=HYPERLINK(\"x\")");

    List<String> all = Arrays.asList(export(null).split("\r\n"));
    Map<String, String> rowA =
        all.stream()
            .map(InvoiceExportTest::cells)
            .filter(c -> c.get(0).equals(idA))
            .map(c -> zip(cells(all.get(0)), c))
            .findFirst()
            .orElseThrow();
    BigInteger parts =
        new BigInteger(rowA.get("subtotal_base_units"))
            .subtract(new BigInteger(rowA.get("discount_base_units")))
            .add(new BigInteger(rowA.get("tax_base_units")));
    assertThat(parts.toString()).isEqualTo(rowA.get("total_base_units"));
    assertThat(new BigDecimal(rowA.get("total")).movePointRight(6).toBigIntegerExact().toString())
        .isEqualTo(rowA.get("total_base_units"));

    List<String> payments =
        Arrays.asList(export("rows=payments&orderId=" + prefix + "-b").split("\r\n"));
    assertThat(payments.get(0))
        .startsWith("invoice_id,invoice_number,chain_id,currency,decimals,tx_hash");
    assertThat(payments).hasSize(3);
    BigInteger sum = BigInteger.ZERO;
    BigDecimal decimalSum = BigDecimal.ZERO;
    for (String line : payments.subList(1, 3)) {
      Map<String, String> p = zip(cells(payments.get(0)), cells(line));
      assertThat(p).containsEntry("invoice_id", idB).containsEntry("state", "CONFIRMED");
      sum = sum.add(new BigInteger(p.get("amount_base_units")));
      decimalSum = decimalSum.add(new BigDecimal(p.get("amount")));
    }
    assertThat(sum).isEqualTo(BigInteger.valueOf(3_250_000));
    assertThat(decimalSum).isEqualByComparingTo("3.25");

    assertThat(export("status=VOID&orderId=" + prefix + "-b").split("\r\n")).hasSize(1);
  }

  @Test
  void badExportParametersAreProblemsAndTheInvoiceRouteStillWorks() {
    problem(get(ADMIN, "/v1/invoices/export?rows=lines"), 400, "validation");
    problem(get(ADMIN, "/v1/invoices/export?status=PAYED"), 400, "validation");
    problem(get(ADMIN, "/v1/invoices/export?createdFrom=yesterday"), 400, "validation");
    problem(get(ADMIN, "/v1/invoices/export?limit=5"), 400, "validation");
    problem(get(ADMIN, "/v1/invoices/export?orderId=a&orderId=b"), 400, "validation");
    Map<String, Object> invoice = create(Bodies.coffee());
    assertThat(json(get(ADMIN, "/v1/invoices/" + invoice.get("id")).expectStatus().isOk()))
        .containsEntry("id", invoice.get("id"));
    problem(get(ADMIN, "/v1/invoices/exports"), 400, "validation");
  }

  private String export(String query) {
    return http.get()
        .uri("/v1/invoices/export" + (query == null ? "" : "?" + query))
        .headers(h -> h.setBearerAuth(ADMIN))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
        .expectHeader()
        .valueMatches("Content-Disposition", "attachment; filename=\"(invoices|payments)\\.csv\"")
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** The cells of one RFC 4180 line. */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  private static Map<String, String> zip(List<String> header, List<String> row) {
    assertThat(row).hasSameSizeAs(header);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      out.put(header.get(i), row.get(i));
    }
    return out;
  }

  private static String hash() {
    return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
