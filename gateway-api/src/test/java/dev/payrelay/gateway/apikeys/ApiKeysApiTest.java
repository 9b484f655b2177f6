package dev.payrelay.gateway.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /v1/api-keys} over real HTTP against PostgreSQL. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class ApiKeysApiTest {

  static final Database db = TestDatabase.fresh(ApiKeysApiTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void creationShowsTheSecretOnceAndListingsNever() {
    Map<String, Object> created =
        create(ADMIN, Map.of("label", "shop backend", "scopes", List.of("invoices:write")))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .value("Location", l -> assertThat(l).startsWith("/v1/api-keys/"))
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    String key = (String) created.get("key");
    assertThat(key)
        .matches("pr_[0-9A-Za-z]{12}_[0-9A-Za-z]{43}")
        .startsWith("pr_" + created.get("prefix") + "_");
    assertThat(created)
        .containsEntry("label", "shop backend")
        .containsEntry("scopes", List.of("invoices:write"))
        .containsEntry("lastUsedAt", null);

    String listing =
        http.get()
            .uri("/v1/api-keys")
            .headers(ScopeMatrix.bearer(ADMIN))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(listing)
        .contains((String) created.get("id"), "shop backend")
        .doesNotContain(key.substring(16))
        .doesNotContain("\"key\"")
        .doesNotContain("secret");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnceAndRevokingTwiceIs404() {
    String key = ScopeMatrix.createKey(http, ADMIN, "short-lived", List.of(Scope.KEYS_MANAGE));
    String id = idOf(key);
    http.delete()
        .uri("/v1/api-keys/" + id)
        .headers(ScopeMatrix.bearer(key))
        .exchange()
        .expectStatus()
        .isNoContent();
    http.get()
        .uri("/v1/api-keys")
        .headers(ScopeMatrix.bearer(key))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The API key was revoked");
    http.delete()
        .uri("/v1/api-keys/" + id)
        .headers(ScopeMatrix.bearer(ADMIN))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aKeyCannotGrantScopesItLacks() {
    String keyManager = ScopeMatrix.createKey(http, ADMIN, "keys only", List.of(Scope.KEYS_MANAGE));
    create(
            keyManager,
            Map.of("label", "escalation", "scopes", List.of("keys:manage", "invoices:write")))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:insufficient-scope")
        .jsonPath("$.detail")
        .value(String.class, d -> assertThat(d).endsWith("lacks invoices:write"));
    create(keyManager, Map.of("label", "same powers", "scopes", List.of("keys:manage")))
        .expectStatus()
        .isCreated();
  }

  @Test
  void badRequestsAreNamedFieldByField() {
    create(
            ADMIN,
            Map.of(
                "label",
                " ",
                "scopes",
                List.of("invoices:read", "invoices:delete", "invoices:read")))
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:validation")
        .jsonPath("$.errors[0].field")
        .isEqualTo("label")
        .jsonPath("$.errors[1].field")
        .isEqualTo("scopes[1]")
        .jsonPath("$.errors[2].field")
        .isEqualTo("scopes[2]");
    create(ADMIN, Map.of("label", "x".repeat(101), "scopes", List.of()))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(2);
    http.delete()
        .uri("/v1/api-keys/not-a-uuid")
        .headers(ScopeMatrix.bearer(ADMIN))
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  private WebTestClient.ResponseSpec create(String key, Map<String, ?> body) {
    return KeysApi.create(http, key, body);
  }

  private String idOf(String key) {
    return KeysApi.idOf(http, key);
  }
}
