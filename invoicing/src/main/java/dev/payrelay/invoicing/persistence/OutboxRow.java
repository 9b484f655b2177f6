package dev.payrelay.invoicing.persistence;

/**
 * An {@code outbox} row (see V1) that a statement of this package writes together with the change
 * that causes it, such as a new invoice ({@link InvoiceWriter#create}). {@code
 * outbox.OutboxWriter#row} makes them.
 *
 * @param channel the {@code channel} column: {@code webhook}, {@code email}, {@code gossip}
 * @param orderingKey rows with the same key are delivered in the order written (an invoice id)
 * @param payloadJson the payload as JSON text (a JSON object)
 */
public record OutboxRow(String channel, String eventType, String orderingKey, String payloadJson) {}
