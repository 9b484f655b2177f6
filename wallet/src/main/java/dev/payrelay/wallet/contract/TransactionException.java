package dev.payrelay.wallet.contract;

/** A transaction could not be signed, sent or mined as asked; the message says which and why. */
public class TransactionException extends RuntimeException {

  public TransactionException(String message) {
    super(message);
  }

  public TransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
