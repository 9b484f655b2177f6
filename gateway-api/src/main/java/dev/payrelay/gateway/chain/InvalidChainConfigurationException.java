package dev.payrelay.gateway.chain;

/** A chain's configuration cannot work; the message names the property and the rule it breaks. */
public class InvalidChainConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidChainConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
