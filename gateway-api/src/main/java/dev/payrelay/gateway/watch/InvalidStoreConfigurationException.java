package dev.payrelay.gateway.watch;

import dev.payrelay.gateway.config.ConfigurationProblem;

/** {@code payrelay.default-store.*} holds a value that cannot work; the message names it. */
class InvalidStoreConfigurationException extends RuntimeException implements ConfigurationProblem {

  private static final long serialVersionUID = 1L;

  InvalidStoreConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
