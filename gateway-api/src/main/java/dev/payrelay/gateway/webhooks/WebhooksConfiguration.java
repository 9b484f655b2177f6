package dev.payrelay.gateway.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.gateway.outbox.OutboxRelays;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Webhook endpoints, the address guard, and the two outbox channels that deliver webhooks (started
 * by {@link OutboxRelays}, one relay each): {@link FanOutChannel} and {@link DeliveryChannel}.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

  @Bean
  TargetGuard webhookTargetGuard(WebhooksProperties properties) {
    return new TargetGuard(properties.allowPrivateTargets());
  }

  @Bean
  WebhookEndpoints webhookEndpoints(@Lazy DatabaseClient db) {
    return new WebhookEndpoints(db);
  }

  @Bean
  WebhookDeliveries webhookDeliveries(@Lazy DatabaseClient db) {
    return new WebhookDeliveries(db);
  }

  @Bean
  FanOutChannel webhookFanOutChannel(@Lazy DatabaseClient db, ObjectProvider<OutboxRelays> relays) {
    return new FanOutChannel(db, () -> wake(relays));
  }

  @Bean
  DeliveryChannel webhookDeliveryChannel(
      @Lazy DatabaseClient db, TargetGuard guard, WebhooksProperties properties, Clock clock) {
    return new DeliveryChannel(
        db,
        guard,
        new WebhookSender(properties.attemptTimeout()),
        new ObjectMapper(),
        clock,
        properties.disableAfter());
  }

  /** Wakes the delivery relay, for the redelivery endpoint and after a fan-out. */
  static void wake(ObjectProvider<OutboxRelays> relays) {
    OutboxRelays all = relays.getIfAvailable();
    if (all != null) {
      all.relay(DeliveryChannel.NAME).ifPresent(relay -> relay.wake());
    }
  }
}
