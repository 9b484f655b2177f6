package dev.payrelay.gateway.auth;

import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates API requests ({@code Authorization: Bearer pr_…}) and checks scopes. Every {@code
 * /v1} handler starts with {@code access.require(exchange, Scope.X)} and restricts what it reads
 * and writes to the {@link Caller#storeId()} it gets.
 *
 * <p>Errors: no key, a malformed, unknown or revoked key → {@link ProblemType#UNAUTHENTICATED} (401
 * with {@code WWW-Authenticate: Bearer}); a key without the scope → {@link ProblemType#FORBIDDEN}
 * (403), naming the scope. Keys are compared by hash in constant time and never logged.
 */
@Component
public class Access {

  /** {@code api_keys.last_used_at} is written at most this often per key. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  static final String REALM = "Bearer realm=\"payrelay\"";
  private static final String CALLER_ATTRIBUTE = Access.class.getName() + ".caller";
  private static final byte[] NO_HASH = new byte[32];
  private static final Logger log = LoggerFactory.getLogger(Access.class);

  private final ApiKeyLookup keys;
  private final RecentKeys recent = new RecentKeys();
  private final Clock clock;

  Access(ApiKeyLookup keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The caller of this request, if its API key is valid and holds {@code scope}; otherwise an
   * {@link ApiProblemException} (401 or 403). The key is looked up once per request.
   */
  public Mono<Caller> require(ServerWebExchange exchange, Scope scope) {
    return authenticate(exchange)
        .flatMap(
            caller -> {
              if (caller.has(scope)) {
                return Mono.just(caller);
              }
              exchange
                  .getResponse()
                  .getHeaders()
                  .set(
                      HttpHeaders.WWW_AUTHENTICATE,
                      REALM + ", error=\"insufficient_scope\", scope=\"" + scope.value() + "\"");
              return Mono.error(
                  new ApiProblemException(
                      ProblemType.FORBIDDEN,
                      "This API key lacks the scope "
                          + scope.value()
                          + " that this request needs"));
            });
  }

  /** The caller of this request, whatever its scopes; 401 without a valid key. */
  public Mono<Caller> authenticate(ServerWebExchange exchange) {
    Caller known = exchange.getAttribute(CALLER_ATTRIBUTE);
    if (known != null) {
      return Mono.just(known);
    }
    List<String> headers = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
    if (headers.isEmpty()) {
      return unauthenticated(
          exchange, false, "Send an API key as the header Authorization: Bearer <key>");
    }
    Optional<ApiKeyToken> token =
        headers.size() == 1 ? ApiKeyToken.fromBearer(headers.get(0)) : Optional.empty();
    if (token.isEmpty()) {
      return unauthenticated(
          exchange,
          true,
          "The Authorization header must be one 'Bearer <key>' with a key like "
              + ApiKeyToken.FORMAT);
    }
    ApiKeyToken key = token.get();
    Optional<ApiKeyLookup.KeyRow> recentRow = recent.fresh(key.prefix(), clock.instant());
    if (recentRow.isPresent()) {
      return check(exchange, key, recentRow);
    }
    long generation = recent.generation();
    return keys.byPrefix(key.prefix())
        .doOnNext(row -> recent.keep(key.prefix(), row, clock.instant(), generation))
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(row -> check(exchange, key, row));
  }

  /**
   * Call once the key {@code keyId} is revoked: requests with it that start after this call are
   * refused (this node remembers recently used keys for {@link RecentKeys#FRESH_FOR}, which is also
   * how long a key revoked through another node may still work here).
   */
  public void revoked(UUID keyId) {
    recent.forget(keyId);
  }

  private Mono<Caller> check(
      ServerWebExchange exchange, ApiKeyToken key, Optional<ApiKeyLookup.KeyRow> found) {
    // Hash and compare even for an unknown prefix, so both cases take the same time.
    boolean matches = key.matches(found.map(ApiKeyLookup.KeyRow::secretHash).orElse(NO_HASH));
    if (found.isEmpty() || !matches) {
      return unauthenticated(exchange, true, "The API key is not valid");
    }
    ApiKeyLookup.KeyRow row = found.get();
    if (row.revokedAt() != null) {
      return unauthenticated(exchange, true, "The API key was revoked");
    }
    Caller caller = new Caller(row.storeId(), row.id(), row.scopes());
    exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
    Instant now = clock.instant();
    Instant due = now.minus(LAST_USED_RESOLUTION);
    if (row.lastUsedAt() != null && row.lastUsedAt().isAfter(due)) {
      return Mono.just(caller);
    }
    return keys.touch(row.id(), now, due)
        .doOnSuccess(done -> recent.used(key.prefix(), now))
        .onErrorResume(
            e -> {
              log.warn("Could not record the use of API key {}: {}", row.id(), e.toString());
              return Mono.empty();
            })
        .thenReturn(caller);
  }

  private static <T> Mono<T> unauthenticated(
      ServerWebExchange exchange, boolean invalidToken, String detail) {
    exchange
        .getResponse()
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            invalidToken ? REALM + ", error=\"invalid_token\"" : REALM);
    return Mono.error(new ApiProblemException(ProblemType.UNAUTHENTICATED, detail));
  }
}
