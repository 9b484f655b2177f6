package dev.payrelay.wallet.core;

/**
 * A value from outside (an API request, a configuration property, a peer's message, an RPC answer)
 * is not a valid Ethereum value. The message says which rule it broke, in words a merchant's
 * developer can act on; callers map it to a 4xx answer or a rejected message.
 */
public class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
