package dev.payrelay.wallet.contract;

import dev.payrelay.wallet.core.InvalidValueException;

/** A log that claims to be a known event but is not shaped like it (topics, data, block). */
public class MalformedEventException extends InvalidValueException {

  public MalformedEventException(String message) {
    super(message);
  }
}
