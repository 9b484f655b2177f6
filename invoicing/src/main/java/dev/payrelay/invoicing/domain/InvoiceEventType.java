package dev.payrelay.invoicing.domain;

/** The events an invoice's life produces; the wire name is what webhooks and the outbox carry. */
public enum InvoiceEventType {
  INVOICE_CREATED("invoice.created"),
  INVOICE_PROCESSING("invoice.processing"),
  INVOICE_PAID("invoice.paid"),
  INVOICE_PARTIALLY_PAID("invoice.partially_paid"),
  INVOICE_OVERPAID("invoice.overpaid"),
  INVOICE_EXPIRED("invoice.expired"),
  INVOICE_VOIDED("invoice.voided"),
  INVOICE_PAID_LATE("invoice.paid_late"),
  PAYMENT_DETECTED("payment.detected"),
  PAYMENT_CONFIRMED("payment.confirmed"),
  PAYMENT_REORGED("payment.reorged");

  private final String wireName;

  InvoiceEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
