package dev.payrelay.gateway.webhooks;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.gateway.outbox.OutboxRelays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/webhooks/{id}/deliveries} (scope {@code webhooks:manage}): an endpoint's deliveries
 * with every attempt, and redelivery of one.
 */
@RestController
class DeliveryController {

  static final String PATH = WebhookController.PATH + "/{webhookId}/deliveries";

  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
  private static final Set<String> PARAMETERS = Set.of("limit", "cursor");

  private final Access access;
  private final Idempotency idempotency;
  private final WebhookEndpoints endpoints;
  private final WebhookDeliveries deliveries;
  private final ObjectProvider<OutboxRelays> relays;

  DeliveryController(
      Access access,
      Idempotency idempotency,
      WebhookEndpoints endpoints,
      WebhookDeliveries deliveries,
      ObjectProvider<OutboxRelays> relays) {
    this.access = access;
    this.idempotency = idempotency;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.relays = relays;
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<DeliveryJson.Page> list(ServerWebExchange exchange, @PathVariable String webhookId) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> {
              UUID id = WebhookRequests.webhookId(webhookId);
              MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
              int limit = limit(query);
              Long before = cursor(query);
              return endpoints
                  .get(caller.storeId(), id)
                  .switchIfEmpty(Mono.error(() -> WebhookController.notFound(id)))
                  .flatMap(endpoint -> deliveries.page(id, before, limit + 1))
                  .map(page -> DeliveryJson.Page.of(page, limit));
            });
  }

  @PostMapping(path = PATH + "/{deliveryId}/redeliver", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> redeliver(
      ServerWebExchange exchange,
      @PathVariable String webhookId,
      @PathVariable String deliveryId,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> {
              UUID id = WebhookRequests.webhookId(webhookId);
              long delivery = id("deliveryId", deliveryId);
              return idempotency.run(
                  caller,
                  idempotencyKey,
                  "POST",
                  WebhookController.PATH + "/" + id + "/deliveries/" + delivery + "/redeliver",
                  null,
                  () ->
                      endpoints
                          .get(caller.storeId(), id)
                          .switchIfEmpty(Mono.error(() -> WebhookController.notFound(id)))
                          .flatMap(
                              endpoint -> {
                                if (!endpoint.enabled()) {
                                  return Mono.error(
                                      ApiProblemException.conflict(
                                          "The webhook "
                                              + id
                                              + " is disabled; enable it (PATCH enabled: true)"
                                              + " before redelivering"));
                                }
                                return deliveries.redeliver(id, delivery);
                              })
                          .switchIfEmpty(
                              Mono.error(
                                  () ->
                                      ApiProblemException.notFound(
                                          "The webhook " + id + " has no delivery " + delivery)))
                          .doOnNext(queued -> WebhooksConfiguration.wake(relays))
                          .map(
                              queued ->
                                  ResponseEntity.status(HttpStatus.ACCEPTED)
                                      .body(DeliveryJson.Delivery.of(queued))));
            });
  }

  private static int limit(MultiValueMap<String, String> query) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!PARAMETERS.contains(e.getKey())) {
        errors.add(new FieldError(e.getKey(), "is not a parameter of this list"));
      } else if (e.getValue().size() > 1) {
        errors.add(new FieldError(e.getKey(), "must be given at most once"));
      }
    }
    String text = query.getFirst("limit");
    if (text != null) {
      if (!LIMIT.matcher(text).matches()
          || Integer.parseInt(text) < 1
          || Integer.parseInt(text) > MAX_LIMIT) {
        errors.add(new FieldError("limit", "must be an integer between 1 and " + MAX_LIMIT));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblemException.validation(
          errors.size() == 1
              ? "1 parameter is not valid"
              : errors.size() + " parameters are not valid",
          errors);
    }
    return text == null ? DEFAULT_LIMIT : Integer.parseInt(text);
  }

  private static Long cursor(MultiValueMap<String, String> query) {
    String text = query.getFirst("cursor");
    return text == null ? null : id("cursor", text);
  }

  private static long id(String field, String text) {
    if (!ID.matcher(text).matches()) {
      throw ApiProblemException.invalidField(field, "must be a delivery id (a positive integer)");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiProblemException.invalidField(field, "must be a delivery id (a positive integer)");
    }
  }
}
