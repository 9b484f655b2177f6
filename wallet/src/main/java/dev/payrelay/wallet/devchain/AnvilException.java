package dev.payrelay.wallet.devchain;

/** Anvil could not be found, started or reached; the message says what to do about it. */
public final class AnvilException extends RuntimeException {

  AnvilException(String message) {
    super(message);
  }

  AnvilException(String message, Throwable cause) {
    super(message, cause);
  }
}
