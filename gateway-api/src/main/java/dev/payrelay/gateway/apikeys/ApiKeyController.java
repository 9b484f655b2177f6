package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.apikeys.ApiKeyRecords.Origin;
import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.ApiKeyToken;
import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.FieldError;
import dev.payrelay.gateway.idempotency.Idempotency;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /v1/api-keys} (scope {@code keys:manage}): create a key (its secret shown in that answer
 * only), list the store's live keys, revoke one. Another store's key is "not found".
 */
@RestController
class ApiKeyController {

  static final String PATH = "/v1/api-keys";

  private final Access access;
  private final Idempotency idempotency;
  private final ApiKeyRecords keys;
  private final CreatedAnswer answers;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyController(
      Access access,
      Idempotency idempotency,
      ApiKeyRecords keys,
      CreatedAnswer answers,
      Clock clock) {
    this.access = access;
    this.idempotency = idempotency;
    this.keys = keys;
    this.answers = answers;
    this.clock = clock;
  }

  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> create(
      ServerWebExchange exchange,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      @RequestBody(required = false) Mono<ApiKeyJson.Create> body) {
    return access
        .require(exchange, Scope.KEYS_MANAGE)
        .flatMap(
            caller ->
                body.switchIfEmpty(
                        Mono.error(
                            () ->
                                ApiProblemException.validation(
                                    "A JSON body is required",
                                    List.of(new FieldError("body", "is required")))))
                    .flatMap(request -> create(exchange, caller, idempotencyKey, request)));
  }

  private Mono<ResponseEntity<String>> create(
      ServerWebExchange exchange, Caller caller, String idempotencyKey, ApiKeyJson.Create request) {
    Set<Scope> scopes = CreateRequestCheck.scopes(request, caller);
    ApiKeyToken creator =
        ApiKeyToken.fromBearer(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
            .orElseThrow(); // Access accepted it
    SealedSecret seal = answers.seal(creator, caller, idempotencyKey);
    return idempotency
        .run(
            caller,
            idempotencyKey,
            "POST",
            PATH,
            request,
            () -> {
              ApiKeyToken token = ApiKeyToken.generate(random);
              Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
              List<String> names = scopes.stream().map(Scope::value).toList();
              return keys.insert(caller.storeId(), token, request.label(), scopes, Origin.API, now)
                  .map(
                      id ->
                          ResponseEntity.created(URI.create(PATH + "/" + id))
                              .body(
                                  new ApiKeyJson.Created(
                                      id,
                                      token.prefix(),
                                      request.label(),
                                      names,
                                      now,
                                      null,
                                      seal.seal(token.value(), random))));
            })
        .map(answer -> answers.open(answer, seal));
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ApiKeyJson.KeyList> list(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.KEYS_MANAGE)
        .flatMap(caller -> keys.live(caller.storeId()).map(ApiKeyJson.Key::of).collectList())
        .map(ApiKeyJson.KeyList::new);
  }

  @DeleteMapping(path = PATH + "/{apiKeyId}")
  Mono<ResponseEntity<Void>> revoke(ServerWebExchange exchange, @PathVariable String apiKeyId) {
    return access
        .require(exchange, Scope.KEYS_MANAGE)
        .flatMap(
            caller ->
                keys.revoke(caller.storeId(), uuid(apiKeyId), clock.instant())
                    .map(
                        revoked -> {
                          if (!revoked) {
                            throw ApiProblemException.notFound(
                                "This store has no live API key " + apiKeyId);
                          }
                          access.revoked(uuid(apiKeyId));
                          return ResponseEntity.noContent().<Void>build();
                        }));
  }

  private static UUID uuid(String id) {
    try {
      if (id.length() == 36) {
        return UUID.fromString(id);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiProblemException.validation(
        "The API key id is not a UUID", List.of(new FieldError("apiKeyId", "must be a UUID")));
  }
}
