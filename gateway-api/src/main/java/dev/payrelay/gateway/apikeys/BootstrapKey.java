package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.auth.ApiKeyToken;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The operator's admin key for the default store, {@code payrelay.bootstrap-api-key} (environment
 * {@code PAYRELAY_BOOTSTRAP_API_KEY}), checked when the node starts: a malformed one stops start-up
 * with a sentence that names the property and not the key. Empty means unset.
 */
@Component
class BootstrapKey {

  static final String PROPERTY = "payrelay.bootstrap-api-key";
  static final String ENVIRONMENT = "PAYRELAY_BOOTSTRAP_API_KEY";

  private final Optional<ApiKeyToken> token;

  BootstrapKey(Environment environment) {
    this.token = parse(environment.getProperty(PROPERTY));
  }

  /**
   * The key in the configured value; empty if unset or blank.
   *
   * @throws InvalidBootstrapKeyException if it is set but not a key
   */
  static Optional<ApiKeyToken> parse(String configured) {
    if (configured == null || configured.isBlank()) {
      return Optional.empty();
    }
    Optional<ApiKeyToken> token = ApiKeyToken.parse(configured.strip());
    if (token.isEmpty()) {
      throw new InvalidBootstrapKeyException(
          PROPERTY
              + " ("
              + ENVIRONMENT
              + ") is not a valid API key: it must have the form "
              + ApiKeyToken.FORMAT
              + ".");
    }
    return token;
  }

  Optional<ApiKeyToken> token() {
    return token;
  }
}
