package dev.payrelay.invoicing.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.persistence.OutboxRow;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Invoice and payment events into the outbox, in the caller's transaction, ordered per invoice (the
 * ordering key is the invoice id). Where {@code invoice.paid} is written, the buyer's receipt email
 * is queued with it ({@link EmailOutbox#receipt}).
 */
public final class InvoiceOutbox {

  /** The {@value OutboxWriter#GOSSIP} event asking for a confirmed payment's receipt. */
  public static final String RECEIPT_EVENT = "settlement.receipt";

  private final ObjectMapper json;
  private final OutboxWriter writer;
  private final InvoiceEventPayloads payloads;
  private final EmailOutbox emails = new EmailOutbox();

  public InvoiceOutbox(ObjectMapper json) {
    this.json = json;
    this.writer = new OutboxWriter(json);
    this.payloads = new InvoiceEventPayloads(json);
  }

  /** Writes {@code types}, in order, each about {@code invoice}. */
  public Mono<Void> invoiceEvents(
      DatabaseClient tx, InvoiceSummary invoice, List<InvoiceEventType> types) {
    return Flux.fromIterable(types)
        .concatMap(
            type ->
                write(tx, invoice, type, payloads.invoiceEvent(type, invoice))
                    .then(
                        type == InvoiceEventType.INVOICE_PAID
                            ? emails.receipt(tx, invoice.id()).then()
                            : Mono.empty()))
        .then();
  }

  /** Writes one invoice event whose payload {@code payload} (from {@link #payloads()}) built. */
  public Mono<Void> write(
      DatabaseClient tx, InvoiceSummary invoice, InvoiceEventType type, ObjectNode payload) {
    return writer.write(tx, invoice.storeId(), type.wireName(), invoice.id().toString(), payload);
  }

  /**
   * One invoice event, whose payload {@code payload} (from {@link #payloads()}) built, as a row for
   * a statement that writes it with the invoice ({@code InvoiceRepository.create}).
   */
  public OutboxRow row(InvoiceSummary invoice, InvoiceEventType type, ObjectNode payload) {
    return writer.row(OutboxWriter.WEBHOOK, type.wireName(), invoice.id().toString(), payload);
  }

  /**
   * Writes one payment event about {@code payment} of {@code invoice}; a confirmed payment also
   * gets its {@value #RECEIPT_EVENT} on the {@value OutboxWriter#GOSSIP} channel, so the node
   * publishes a signed receipt for it however it was found (watcher, checkout, network).
   */
  public Mono<Void> paymentEvent(
      DatabaseClient tx, InvoiceSummary invoice, InvoiceEventType type, Payment payment) {
    Mono<Void> event = write(tx, invoice, type, payloads.paymentEvent(type, invoice, payment));
    if (type != InvoiceEventType.PAYMENT_CONFIRMED) {
      return event;
    }
    ObjectNode receipt = json.createObjectNode();
    receipt.put("invoiceId", invoice.id().toString());
    receipt.put("chainId", payment.key().chain().value());
    receipt.put("txHash", payment.key().tx().toString());
    receipt.put("logIndex", payment.key().logIndex());
    return event.then(
        writer.write(
            tx,
            OutboxWriter.GOSSIP,
            invoice.storeId(),
            RECEIPT_EVENT,
            invoice.id().toString(),
            receipt));
  }

  public InvoiceEventPayloads payloads() {
    return payloads;
  }
}
