package dev.payrelay.gateway.webhooks;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.idempotency.Idempotency;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/webhooks} (scope {@code webhooks:manage}): create an endpoint (its signing secret
 * shown in that answer), list, read, change and delete the store's endpoints. A URL is checked by
 * {@link TargetGuard} before it is saved. Another store's endpoint is "not found".
 */
@RestController
class WebhookController {

  static final String PATH = "/v1/webhooks";

  private final Access access;
  private final Idempotency idempotency;
  private final WebhookEndpoints endpoints;
  private final TargetGuard guard;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebhookController(
      Access access,
      Idempotency idempotency,
      WebhookEndpoints endpoints,
      TargetGuard guard,
      Clock clock) {
    this.access = access;
    this.idempotency = idempotency;
    this.endpoints = endpoints;
    this.guard = guard;
    this.clock = clock;
  }

  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> create(
      ServerWebExchange exchange,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      @RequestBody(required = false) Mono<WebhookJson.Create> body) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller ->
                body.switchIfEmpty(Mono.error(WebhookController::bodyRequired))
                    .flatMap(request -> create(caller, idempotencyKey, request)));
  }

  private Mono<ResponseEntity<String>> create(
      Caller caller, String idempotencyKey, WebhookJson.Create request) {
    WebhookRequests.Checked checked = WebhookRequests.create(request);
    return checkTarget(checked.url())
        .then(
            idempotency.run(
                caller,
                idempotencyKey,
                "POST",
                PATH,
                request,
                () ->
                    endpoints
                        .insert(
                            caller.storeId(),
                            checked.url().toString(),
                            checked.description(),
                            checked.eventTypes(),
                            WebhookSecret.generate(random),
                            checked.enabled(),
                            clock.instant().truncatedTo(ChronoUnit.MICROS))
                        .map(
                            created ->
                                ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                                    .body(WebhookJson.Created.of(created)))));
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<WebhookJson.WebhookList> list(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> endpoints.list(caller.storeId()).map(WebhookJson.Webhook::of).collectList())
        .map(WebhookJson.WebhookList::new);
  }

  @GetMapping(path = PATH + "/{webhookId}", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<WebhookJson.Webhook> get(ServerWebExchange exchange, @PathVariable String webhookId) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> {
              UUID id = WebhookRequests.webhookId(webhookId);
              return endpoints
                  .get(caller.storeId(), id)
                  .switchIfEmpty(Mono.error(() -> notFound(id)));
            })
        .map(WebhookJson.Webhook::of);
  }

  @PatchMapping(
      path = PATH + "/{webhookId}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<WebhookJson.Webhook> update(
      ServerWebExchange exchange,
      @PathVariable String webhookId,
      @RequestBody(required = false) Mono<WebhookJson.Update> body) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> {
              UUID id = WebhookRequests.webhookId(webhookId);
              return body.switchIfEmpty(Mono.error(WebhookController::bodyRequired))
                  .flatMap(
                      request -> {
                        WebhookEndpoints.Change change = WebhookRequests.update(request);
                        Mono<Void> target =
                            change.url() == null
                                ? Mono.empty()
                                : checkTarget(URI.create(change.url()));
                        return target.then(
                            endpoints
                                .update(
                                    caller.storeId(),
                                    id,
                                    change,
                                    clock.instant().truncatedTo(ChronoUnit.MICROS))
                                .switchIfEmpty(Mono.error(() -> notFound(id))));
                      });
            })
        .map(WebhookJson.Webhook::of);
  }

  @DeleteMapping(path = PATH + "/{webhookId}")
  Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange, @PathVariable String webhookId) {
    return access
        .require(exchange, Scope.WEBHOOKS_MANAGE)
        .flatMap(
            caller -> {
              UUID id = WebhookRequests.webhookId(webhookId);
              return endpoints
                  .delete(caller.storeId(), id)
                  .map(
                      deleted -> {
                        if (!deleted) {
                          throw notFound(id);
                        }
                        return ResponseEntity.noContent().<Void>build();
                      });
            });
  }

  private Mono<Void> checkTarget(URI url) {
    return guard.check(url).onErrorMap(TargetGuard.Refused.class, WebhookRequests::refused);
  }

  static ApiProblemException notFound(UUID id) {
    return ApiProblemException.notFound("This store has no webhook " + id);
  }

  private static ApiProblemException bodyRequired() {
    return ApiProblemException.validation(
        "A JSON body is required", List.of(new FieldError("body", "is required")));
  }
}
