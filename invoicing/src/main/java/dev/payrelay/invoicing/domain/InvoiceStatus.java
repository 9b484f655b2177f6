package dev.payrelay.invoicing.domain;

/** Where an invoice stands (the first of its two status axes, as in BTCPay Server). */
public enum InvoiceStatus {
  /** Waiting for payment (perhaps partly paid). */
  OPEN,
  /** Paid in full, but not every payment has its confirmations yet. */
  PROCESSING,
  /** Paid in full with confirmed payments. */
  PAID,
  /** Its time ran out before it was paid in full. */
  EXPIRED,
  /** Cancelled by the merchant. */
  VOID;

  /** Whether the merchant may still void it: only while nothing has settled it either way. */
  public boolean canVoid() {
    return this == OPEN;
  }
}
