package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.config.ConfigurationProblem;

/**
 * The configured bootstrap key cannot be used; the message names the property and never contains
 * the key. Start-up stops with that one sentence ({@link ConfigurationProblem}).
 */
public class InvalidBootstrapKeyException extends RuntimeException implements ConfigurationProblem {

  private static final long serialVersionUID = 1L;

  InvalidBootstrapKeyException(String message) {
    super(message);
  }
}
