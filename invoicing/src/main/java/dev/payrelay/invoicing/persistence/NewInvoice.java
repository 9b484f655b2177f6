package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PricedLine;
import java.util.List;

/**
 * Everything written for a new invoice by {@link InvoiceWriter#create}.
 *
 * @param invoice the invoice; its {@code number} is ignored (the store's next one is taken)
 * @param lines its line items, in order
 * @param referenceSecret the store secret the invoice's payment reference was derived from, or null
 *     when it has no reference: given to the store if it has none yet
 * @param depositIndexFloor the store's next deposit index becomes at least this (one past the
 *     invoice's), or null
 * @param events the outbox rows written with it, in order; a payload's {@code invoice.number}, if
 *     it has one, is set to the invoice's human number ({@code INV-000042}) when written
 * @param settings the store's settings the invoice was made with: nothing is written unless the
 *     store still has them (its reference secret aside, which {@code referenceSecret} covers)
 */
public record NewInvoice(
    InvoiceRecord invoice,
    List<PricedLine> lines,
    byte[] referenceSecret,
    Long depositIndexFloor,
    List<OutboxRow> events,
    StoreRepository.Settings settings) {

  public NewInvoice {
    lines = List.copyOf(lines);
    events = List.copyOf(events);
  }
}
