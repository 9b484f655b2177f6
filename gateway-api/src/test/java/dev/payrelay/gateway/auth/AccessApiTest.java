package dev.payrelay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Authentication and scopes over real HTTP, on {@code GET /v1/node}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class AccessApiTest {

  static final Database db = TestDatabase.fresh(AccessApiTest.class);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void noKeyIs401WithBearerChallengeAndProblemJson() {
    unauthenticated(http.get().uri("/v1/node").exchange())
        .jsonPath("$.detail")
        .value(String.class, d -> assertThat(d).contains("Authorization: Bearer"));
  }

  @Test
  void malformedUnknownAndWronglySecretKeysAre401() {
    String admin = TestNode.ADMIN_KEY;
    String wrongSecret = admin.substring(0, admin.length() - 1) + "X";
    String unknownPrefix = "pr_Unknownxxxxx" + admin.substring(15);
    for (String header :
        new String[] {
          "Bearer",
          "Bearer ",
          "Bearer not-a-key",
          "Basic " + admin,
          admin,
          "Bearer " + admin + "x".repeat(200),
          "Bearer " + wrongSecret,
          "Bearer " + unknownPrefix
        }) {
      unauthenticated(
              http.get().uri("/v1/node").header(HttpHeaders.AUTHORIZATION, header).exchange())
          .jsonPath("$.detail")
          .value(String.class, d -> assertThat(d).doesNotContain(admin.substring(16)));
    }
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    http.get()
        .uri("/v1/node")
        .header(HttpHeaders.AUTHORIZATION, "bearer " + TestNode.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aKeyWithoutTheScopeIs403NamingTheScope() throws Exception {
    String invoicesOnly =
        TestApiKeys.addKey(db, TestApiKeys.defaultStore(db), Scope.INVOICES_READ).key();
    http.get()
        .uri("/v1/node")
        .headers(ScopeMatrix.bearer(invoicesOnly))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:insufficient-scope")
        .jsonPath("$.detail")
        .value(String.class, d -> assertThat(d).contains("node:read"));
  }

  @Test
  void aKeyJustUsedAndThenRevokedIsRefusedOnItsNextRequest() throws Exception {
    TestApiKeys.StoreKey key =
        TestApiKeys.addKey(db, TestApiKeys.defaultStore(db), Scope.NODE_READ);
    http.get()
        .uri("/v1/node")
        .headers(ScopeMatrix.bearer(key.key()))
        .exchange()
        .expectStatus()
        .isOk();

    http.delete()
        .uri("/v1/api-keys/" + key.keyId())
        .headers(ScopeMatrix.bearer(TestNode.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isNoContent();

    unauthenticated(http.get().uri("/v1/node").headers(ScopeMatrix.bearer(key.key())).exchange())
        .jsonPath("$.detail")
        .isEqualTo("The API key was revoked");
  }

  @Test
  void useIsRecordedAtMostOnceAMinute() throws Exception {
    TestApiKeys.StoreKey key =
        TestApiKeys.addKey(db, TestApiKeys.defaultStore(db), Scope.NODE_READ);
    assertThat(lastUsed(key)).isNull();
    TestNode.getJson(http, "/v1/node", key.key());
    Instant first = lastUsed(key);
    assertThat(first).isNotNull();
    TestNode.getJson(http, "/v1/node", key.key());
    assertThat(lastUsed(key)).as("not rewritten within a minute").isEqualTo(first);
  }

  private WebTestClient.BodyContentSpec unauthenticated(WebTestClient.ResponseSpec response) {
    return response
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).startsWith("Bearer realm="))
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:unauthenticated")
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  private static Instant lastUsed(TestApiKeys.StoreKey key) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT last_used_at FROM api_keys WHERE id = '" + key.keyId() + "'")) {
      rs.next();
      Timestamp t = rs.getTimestamp(1);
      return t == null ? null : t.toInstant();
    }
  }
}
