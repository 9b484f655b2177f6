/**
 * Invoices: the pure domain (line items, totals, the status and exception axes), the use cases that
 * load, decide and persist, R2DBC persistence, pay-link emails and the transactional outbox.
 */
package dev.payrelay.invoicing;
