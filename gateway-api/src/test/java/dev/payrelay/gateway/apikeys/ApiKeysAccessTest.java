package dev.payrelay.gateway.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.gateway.auth.TestApiKeys;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may use {@code /v1/api-keys}: the scope matrix, and store isolation. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class ApiKeysAccessTest {

  static final Database db = TestDatabase.fresh(ApiKeysAccessTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void storesAreIsolated() throws Exception {
    TestApiKeys.StoreKey other = TestApiKeys.newStore(db, "Other shop", Scope.KEYS_MANAGE);
    String ownKeyId = idOf(ScopeMatrix.createKey(http, ADMIN, "mine", List.of(Scope.NODE_READ)));

    http.delete()
        .uri("/v1/api-keys/" + ownKeyId)
        .headers(ScopeMatrix.bearer(other.key()))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:not-found");
    http.get()
        .uri("/v1/api-keys")
        .headers(ScopeMatrix.bearer(other.key()))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.data.length()")
        .isEqualTo(1)
        .jsonPath("$.data[0].id")
        .isEqualTo(other.keyId().toString());
    http.delete()
        .uri("/v1/api-keys/" + other.keyId())
        .headers(ScopeMatrix.bearer(ADMIN))
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(idOfOrNull(ADMIN, ownKeyId)).as("still live").isNotNull();
  }

  @Test
  void everyOperationNeedsKeysManage() {
    ScopeMatrix matrix = ScopeMatrix.create(http, ADMIN);
    matrix
        .assertOnly(
            Scope.KEYS_MANAGE, auth -> http.get().uri("/v1/api-keys").headers(auth).exchange())
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.KEYS_MANAGE,
            auth ->
                http.post()
                    .uri("/v1/api-keys")
                    .headers(auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("label", "via matrix", "scopes", List.of("keys:manage")))
                    .exchange())
        .expectStatus()
        .isCreated();
    String victim = idOf(ScopeMatrix.createKey(http, ADMIN, "victim", List.of(Scope.NODE_READ)));
    matrix
        .assertOnly(
            Scope.KEYS_MANAGE,
            auth -> http.delete().uri("/v1/api-keys/" + victim).headers(auth).exchange())
        .expectStatus()
        .isNoContent();
  }

  private String idOf(String key) {
    return KeysApi.idOf(http, key);
  }

  private String idOfOrNull(String key, String id) {
    return KeysApi.listed(http, key).stream()
        .map(k -> (String) k.get("id"))
        .filter(id::equals)
        .findFirst()
        .orElse(null);
  }
}
