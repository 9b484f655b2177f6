package dev.payrelay.invoicing.domain;

/** What is unusual about an invoice's payments (the second status axis). */
public enum ExceptionStatus {
  NONE,
  /** Something arrived, but less than the total. */
  PARTIALLY_PAID,
  /** More than the total arrived; the merchant may owe a refund. */
  OVERPAID,
  /** The payment completing it arrived after it expired, or after it was voided. */
  PAID_LATE,
  /** The merchant marked it by hand. */
  MARKED
}
