package dev.payrelay.invoicing.email;

/**
 * An email that no retry will deliver: the server refused the recipient or the message for good (a
 * 5xx reply), the address is malformed, or the invoice no longer wants it.
 */
public final class PermanentEmailFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PermanentEmailFailure(String message) {
    super(message);
  }

  PermanentEmailFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
