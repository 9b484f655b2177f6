package dev.payrelay.gateway.chain;

import dev.payrelay.gateway.config.ConfigurationProblem;

/** A chain's configuration cannot work; the message names the property and the rule it breaks. */
public class InvalidChainConfigurationException extends RuntimeException
    implements ConfigurationProblem {

  private static final long serialVersionUID = 1L;

  InvalidChainConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
