package dev.payrelay.gateway.webhooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Webhook endpoints, the address guard, and the relays that deliver (see {@link WebhookRelays}).
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
  WebhookRelays webhookRelays() {
    return new WebhookRelays();
  }
}
