package dev.payrelay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The scope matrix of an endpoint: without a key it answers 401, with a key holding any single
 * other scope 403 ({@code insufficient-scope}, naming the scope), and with the key holding only the
 * required scope it gets past access control. One key per scope is created once, through {@code
 * POST /v1/api-keys}, with an admin key:
 *
 * <pre>{@code
 * ScopeMatrix matrix = ScopeMatrix.create(http, TestNode.ADMIN_KEY);
 * matrix.assertOnly(Scope.INVOICES_READ, auth -> http.get().uri("/v1/invoices").headers(auth).exchange())
 *     .expectStatus().isOk();
 * }</pre>
 */
public final class ScopeMatrix {

  private final Map<Scope, String> keys;

  private ScopeMatrix(Map<Scope, String> keys) {
    this.keys = keys;
  }

  /** Creates, with {@code adminKey} (which must hold every scope), one key per single scope. */
  public static ScopeMatrix create(WebTestClient http, String adminKey) {
    Map<Scope, String> keys = new EnumMap<>(Scope.class);
    for (Scope scope : Scope.values()) {
      keys.put(scope, createKey(http, adminKey, "only " + scope.value(), List.of(scope)));
    }
    return new ScopeMatrix(keys);
  }

  /** Creates a key through the API and returns its secret. */
  public static String createKey(
      WebTestClient http, String withKey, String label, List<Scope> scopes) {
    Map<String, Object> created =
        http.post()
            .uri("/v1/api-keys")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + withKey)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("label", label, "scopes", scopes.stream().map(Scope::value).toList()))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(created).containsKey("key");
    return (String) created.get("key");
  }

  /** The key that holds only {@code scope}. */
  public String keyWith(Scope scope) {
    return keys.get(scope);
  }

  /**
   * Calls the endpoint without a key and with every single-scope key, asserts 401 and 403 as
   * described above, and returns the answer to the call with {@code required}'s key (neither 401
   * nor 403) for further assertions.
   *
   * @param call makes the request, applying the given headers (the Authorization, or none)
   */
  public WebTestClient.ResponseSpec assertOnly(
      Scope required, Function<Consumer<HttpHeaders>, WebTestClient.ResponseSpec> call) {
    call.apply(h -> {})
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer"))
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:unauthenticated");
    for (Scope other : Scope.values()) {
      if (other != required) {
        call.apply(bearer(keys.get(other)))
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:payrelay:problem:insufficient-scope")
            .jsonPath("$.detail")
            .value(String.class, d -> assertThat(d).contains(required.value()));
      }
    }
    WebTestClient.ResponseSpec allowed = call.apply(bearer(keys.get(required)));
    allowed
        .expectStatus()
        .value(s -> assertThat(s).as("status with scope " + required).isNotIn(401, 403));
    return allowed;
  }

  /** Sets {@code Authorization: Bearer <key>}. */
  public static Consumer<HttpHeaders> bearer(String key) {
    return h -> h.setBearerAuth(key);
  }
}
