package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The payloads of invoice and payment events, version {@value #VERSION}: {@code {"v":1,
 * "type":"invoice.paid", "invoice":{…}}}, plus {@code "payment":{…}} for payment events. Amounts
 * are decimal strings of base units; statuses are the API's names.
 */
public final class InvoiceEventPayloads {

  public static final int VERSION = 1;

  private final ObjectMapper json;

  public InvoiceEventPayloads(ObjectMapper json) {
    this.json = json;
  }

  /** What an event says about its invoice. */
  public record InvoiceSummary(
      UUID id,
      UUID storeId,
      long number,
      Asset currency,
      TokenAmount total,
      Evaluation evaluation,
      String orderId,
      Instant expiresAt,
      Optional<Instant> voidedAt) {

    public static InvoiceSummary of(Invoice invoice) {
      return new InvoiceSummary(
          invoice.id(),
          invoice.storeId(),
          invoice.number(),
          invoice.currency(),
          invoice.totals().total(),
          invoice.evaluation(),
          invoice.orderId(),
          invoice.expiresAt(),
          invoice.voidedAt());
    }

    /** The summary of {@code invoice} with its evaluation as persisted. */
    public static InvoiceSummary of(InvoiceRecord invoice) {
      return new InvoiceSummary(
          invoice.id(),
          invoice.storeId(),
          invoice.number(),
          invoice.currency(),
          invoice.total(),
          invoice.evaluation(),
          invoice.orderId(),
          invoice.expiresAt(),
          invoice.voidedAt());
    }
  }

  public ObjectNode invoiceEvent(InvoiceEventType type, InvoiceSummary invoice) {
    ObjectNode root = json.createObjectNode();
    root.put("v", VERSION);
    root.put("type", type.wireName());
    root.set("invoice", invoice(invoice));
    return root;
  }

  public ObjectNode paymentEvent(InvoiceEventType type, InvoiceSummary invoice, Payment payment) {
    ObjectNode root = invoiceEvent(type, invoice);
    ObjectNode p = root.putObject("payment");
    p.put("chainId", payment.key().chain().value());
    p.put("txHash", payment.key().tx().toString());
    p.put("logIndex", payment.key().logIndex());
    p.put("amount", payment.amount().baseUnits().toString());
    p.put("state", payment.state().name());
    p.put("blockNumber", payment.blockNumber());
    p.put("confirmations", payment.confirmations());
    p.put("seenAt", payment.firstSeenAt().toString());
    return root;
  }

  private ObjectNode invoice(InvoiceSummary invoice) {
    ObjectNode node = json.createObjectNode();
    node.put("id", invoice.id().toString());
    node.put("storeId", invoice.storeId().toString());
    node.put("number", Invoice.humanNumber(invoice.number()));
    node.put("status", invoice.evaluation().status().name());
    node.put("exception", invoice.evaluation().exception().name());
    ObjectNode currency = node.putObject("currency");
    currency.put("chainId", invoice.currency().chain().value());
    currency.put("symbol", invoice.currency().symbol());
    currency.put("decimals", invoice.currency().decimals());
    currency.put("asset", invoice.currency().caip19());
    ObjectNode amounts = node.putObject("amounts");
    amounts.put("total", invoice.total().baseUnits().toString());
    amounts.put("paid", invoice.evaluation().amountSeen().baseUnits().toString());
    amounts.put("confirmed", invoice.evaluation().amountConfirmed().baseUnits().toString());
    amounts.put("due", invoice.evaluation().amountDue().baseUnits().toString());
    if (invoice.orderId() == null) {
      node.putNull("orderId");
    } else {
      node.put("orderId", invoice.orderId());
    }
    node.put("expiresAt", invoice.expiresAt().toString());
    if (invoice.voidedAt().isPresent()) {
      node.put("voidedAt", invoice.voidedAt().get().toString());
    } else {
      node.putNull("voidedAt");
    }
    return node;
  }
}
