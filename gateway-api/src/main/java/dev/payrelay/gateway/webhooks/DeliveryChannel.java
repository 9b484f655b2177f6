package dev.payrelay.gateway.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxEvent;
import dev.payrelay.invoicing.outbox.OutboxWriter;
import dev.payrelay.invoicing.outbox.PermanentDeliveryFailure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The second hop of a webhook: POSTs a {@value #NAME} row's message to its endpoint, signed (see
 * {@link WebhookSignature}), after checking the target's addresses again ({@link TargetGuard}, DNS
 * rebinding). Every attempt is recorded ({@link WebhookDeliveries}). A 2xx completes the delivery;
 * anything else fails it, and the relay retries with backoff. An endpoint whose attempts have all
 * failed for {@code payrelay.webhooks.disable-after} is disabled and the store gets {@value
 * WebhookEventTypes#WEBHOOK_DISABLED}; its remaining deliveries are then given up on (dead, and can
 * be redelivered once it is enabled again).
 */
final class DeliveryChannel implements OutboxChannel {

  static final String NAME = "webhook_delivery";

  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final TargetGuard guard;
  private final WebhookSender sender;
  private final OutboxWriter events;
  private final DatabaseClient db;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration disableAfter;

  DeliveryChannel(
      DatabaseClient db,
      TargetGuard guard,
      WebhookSender sender,
      ObjectMapper json,
      Clock clock,
      Duration disableAfter) {
    this.db = db;
    this.endpoints = new WebhookEndpoints(db);
    this.deliveries = new WebhookDeliveries(db);
    this.guard = guard;
    this.sender = sender;
    this.events = new OutboxWriter(json);
    this.json = json;
    this.clock = clock;
    this.disableAfter = disableAfter;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Mono<Void> deliver(OutboxEvent event) {
    UUID endpointId;
    JsonNode message = event.payload().get("message");
    if (message == null || !message.isObject()) {
      return Mono.error(new PermanentDeliveryFailure("not a webhook delivery row: no message"));
    }
    byte[] body;
    try {
      endpointId = UUID.fromString(event.payload().path("endpoint").asText());
      body = json.writeValueAsBytes(message);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      return Mono.error(new PermanentDeliveryFailure("not a webhook delivery row", e));
    }
    String messageId = message.path("id").asText();
    return endpoints
        .byId(endpointId)
        .switchIfEmpty(Mono.error(() -> new PermanentDeliveryFailure("the endpoint was deleted")))
        .flatMap(
            endpoint ->
                endpoint.enabled()
                    ? attempt(event, endpoint, messageId, body)
                    : Mono.error(new PermanentDeliveryFailure("the endpoint is disabled")));
  }

  private Mono<Void> attempt(
      OutboxEvent event, WebhookEndpoint endpoint, String messageId, byte[] body) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    URI url = URI.create(endpoint.url());
    return guard
        .check(url)
        .then(Mono.defer(() -> sender.send(url, endpoint.secret(), messageId, now, body)))
        .onErrorResume(
            TargetGuard.Refused.class,
            refused ->
                Mono.just(
                    WebhookSender.Outcome.failed(0, "refused: the URL " + refused.getMessage())))
        .flatMap(
            outcome ->
                deliveries
                    .record(event.id(), endpoint.id(), now, outcome)
                    .then(afterwards(endpoint, outcome, now)));
  }

  private Mono<Void> afterwards(
      WebhookEndpoint endpoint, WebhookSender.Outcome outcome, Instant now) {
    if (outcome.succeeded()) {
      return endpoints.answered(endpoint.id());
    }
    return endpoints
        .failed(endpoint.id(), now, now.minus(disableAfter))
        .flatMap(disabled -> disabled ? announceDisabled(endpoint, now) : Mono.empty())
        .then(Mono.error(new WebhookAttemptFailed(outcome.error())));
  }

  private Mono<Void> announceDisabled(WebhookEndpoint endpoint, Instant now) {
    ObjectNode payload = json.createObjectNode();
    payload.put("v", 1);
    payload.put("type", WebhookEventTypes.WEBHOOK_DISABLED);
    ObjectNode webhook = payload.putObject("webhook");
    webhook.put("id", endpoint.id().toString());
    webhook.put("url", endpoint.url());
    webhook.put("disabledAt", now.toString());
    Instant since = endpoint.failingSince() == null ? now : endpoint.failingSince();
    webhook.put("failingSince", since.toString());
    return events.write(
        db,
        endpoint.storeId(),
        WebhookEventTypes.WEBHOOK_DISABLED,
        endpoint.id().toString(),
        payload);
  }

  /** A failed attempt; the relay will retry. */
  static final class WebhookAttemptFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookAttemptFailed(String message) {
      super(message, null, false, false);
    }
  }
}
