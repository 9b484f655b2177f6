package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The invoice use cases the HTTP API calls. Every operation is scoped to a store: another store's
 * invoice is simply not found. Invalid input fails with {@code InvalidInvoiceException} (field
 * violations) and changes nothing.
 */
public interface Invoices {

  /**
   * Prices, numbers and stores a new invoice with its payment options, registers what the chain
   * watcher must look for, and writes {@code invoice.created} to the outbox, in one transaction.
   */
  Mono<Invoice> create(CreateInvoice request);

  /** The invoice, re-evaluated against the clock; empty if the store has no such invoice. */
  Mono<Invoice> get(UUID storeId, UUID invoiceId);

  Mono<InvoicePage> list(UUID storeId, InvoiceQuery query);

  /**
   * Voids an OPEN invoice; fails with {@link InvoiceStateException} in any other state; empty if
   * the store has no such invoice.
   */
  Mono<Invoice> voidInvoice(UUID storeId, UUID invoiceId);

  /** The invoice's payments, oldest first; empty if the store has no such invoice. */
  Mono<List<Payment>> payments(UUID storeId, UUID invoiceId);
}
