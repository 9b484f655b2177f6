package dev.payrelay.gateway.webhooks;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code payrelay.webhooks.*}: how the node delivers webhooks.
 *
 * @param allowPrivateTargets accept endpoint URLs whose host resolves to a loopback, private,
 *     link-local or otherwise non-public address (for development against a local receiver); off by
 *     default, so the API cannot be used to reach the node's own network (server-side request
 *     forgery)
 * @param attemptTimeout how long one delivery attempt may take, connection to answer
 * @param disableAfter an endpoint whose every attempt has failed for this long is disabled
 * @param eventsPollInterval how often an open {@code GET /v1/events} stream looks for new events
 */
@ConfigurationProperties("payrelay.webhooks")
@Validated
public record WebhooksProperties(
    @DefaultValue("false") boolean allowPrivateTargets,
    @NotNull @DefaultValue("10s") Duration attemptTimeout,
    @NotNull @DefaultValue("5d") Duration disableAfter,
    @NotNull @DefaultValue("1s") Duration eventsPollInterval) {

  public WebhooksProperties {
    if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
      throw new IllegalArgumentException("payrelay.webhooks.attempt-timeout must be positive");
    }
    if (disableAfter.isNegative() || disableAfter.isZero()) {
      throw new IllegalArgumentException("payrelay.webhooks.disable-after must be positive");
    }
    if (eventsPollInterval.toMillis() < 10) {
      throw new IllegalArgumentException(
          "payrelay.webhooks.events-poll-interval must be at least 10ms");
    }
  }
}
