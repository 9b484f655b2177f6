package dev.payrelay.gateway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of {@code /v1/webhooks} (schemas {@code WebhookCreate}, {@code Webhook}, ...). */
final class WebhookJson {

  private WebhookJson() {}

  /** {@code WebhookCreate}. */
  record Create(String url, List<String> eventTypes, String description, Boolean enabled) {}

  /** {@code WebhookUpdate}: absent fields stay as they are. */
  record Update(String url, List<String> eventTypes, String description, Boolean enabled) {}

  /** {@code Webhook}: never the secret. */
  record Webhook(
      UUID id,
      String url,
      String description,
      List<String> eventTypes,
      boolean enabled,
      String disabledReason,
      Instant disabledAt,
      Instant failingSince,
      Instant createdAt,
      Instant updatedAt) {

    static Webhook of(WebhookEndpoint e) {
      return new Webhook(
          e.id(),
          e.url(),
          e.description(),
          e.eventTypes(),
          e.enabled(),
          e.disabledReason(),
          e.disabledAt(),
          e.failingSince(),
          e.createdAt(),
          e.updatedAt());
    }
  }

  /** {@code WebhookCreated}: the only answer that carries the {@code secret}. */
  record Created(
      UUID id,
      String url,
      String description,
      List<String> eventTypes,
      boolean enabled,
      String disabledReason,
      Instant disabledAt,
      Instant failingSince,
      Instant createdAt,
      Instant updatedAt,
      String secret) {

    static Created of(WebhookEndpoint e) {
      return new Created(
          e.id(),
          e.url(),
          e.description(),
          e.eventTypes(),
          e.enabled(),
          e.disabledReason(),
          e.disabledAt(),
          e.failingSince(),
          e.createdAt(),
          e.updatedAt(),
          e.secret().value());
    }
  }

  /** {@code WebhookList}. */
  record WebhookList(List<Webhook> data) {}
}
