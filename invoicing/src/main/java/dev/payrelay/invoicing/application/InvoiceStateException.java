package dev.payrelay.invoicing.application;

/** The invoice exists but is not in a state that allows the operation (e.g. voiding a paid one). */
public class InvoiceStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvoiceStateException(String message) {
    super(message);
  }
}
