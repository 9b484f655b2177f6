package dev.payrelay.invoicing.outbox;

/**
 * A delivery that no retry can make succeed (the event is malformed for its channel, its target is
 * gone): the relay marks the row dead at once instead of backing off.
 */
public final class PermanentDeliveryFailure extends RuntimeException {

  public PermanentDeliveryFailure(String message) {
    super(message);
  }

  public PermanentDeliveryFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
