package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.list;
import static dev.payrelay.gateway.invoices.Bodies.money;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/invoices/{id}/payments} with payments recorded as the chain watcher records them
 * (rows of {@code invoice_payments}): oldest first, late ones marked, the invoice's amounts and
 * status following them.
 */
class InvoicePaymentsTest extends InvoiceNode {

  static final String INSERT =
      "INSERT INTO invoice_payments (chain_id, tx_hash, log_index, invoice_id, amount, state,"
          + " block_number, block_hash, confirmations, first_seen_at, updated_at)"
          + " SELECT 1337, ?, ?, id, ?, 'confirmed', 40, ?, 3, %s, now() FROM invoices"
          + " WHERE id = ?";

  @Test
  void listsThePaymentsOldestFirstAndMarksTheOneThatCameAfterTheExpiry() throws Exception {
    Map<String, Object> invoice = create(Bodies.coffee());
    UUID id = UUID.fromString((String) invoice.get("id"));
    String early = hash();
    String late = hash();
    Sql.update(db, INSERT.formatted("now()"), early, 3L, 1_000_000L, hash(), id);
    Sql.update(
        db,
        INSERT.formatted("(SELECT expires_at + interval '1 minute' FROM invoices WHERE id = ?)"),
        late,
        -1L,
        3_500_000L,
        hash(),
        id,
        id);

    Map<String, Object> answer =
        json(get(ADMIN, "/v1/invoices/" + id + "/payments").expectStatus().isOk());
    List<Map<String, Object>> payments = list(answer, "data");
    assertThat(payments).extracting(p -> p.get("txHash")).containsExactly(early, late);
    Map<String, Object> first = payments.get(0);
    assertThat(first)
        .containsEntry("chainId", 1337)
        .containsEntry("logIndex", 3)
        .containsEntry("blockNumber", 40)
        .containsEntry("state", "CONFIRMED")
        .containsEntry("late", false);
    assertThat(money(first, "amount")).isEqualTo("1/1000000");
    assertThat((Integer) first.get("confirmations")).isGreaterThanOrEqualTo(3);
    assertThat(payments.get(1)).containsEntry("logIndex", -1).containsEntry("late", true);

    Map<String, Object> after = json(get(ADMIN, "/v1/invoices/" + id).expectStatus().isOk());
    assertThat(after).containsEntry("status", "PAID").containsEntry("exception", "PAID_LATE");
    assertThat(money(after, "amountPaid")).isEqualTo("4.5/4500000");
    assertThat(money(after, "amountDue")).isEqualTo("0/0");
  }

  private static String hash() {
    return "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }
}
