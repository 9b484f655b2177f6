package dev.payrelay.invoicing.domain;

/** How far a payment has come on chain; a reorg can move it to {@link #REMOVED}. */
public enum PaymentState {
  SEEN,
  CONFIRMED,
  FINALIZED,
  REMOVED;

  public boolean counts() {
    return this != REMOVED;
  }

  public boolean confirmed() {
    return this == CONFIRMED || this == FINALIZED;
  }
}
