package dev.payrelay.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.gateway.auth.TestApiKeys;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** {@code Idempotency-Key} over real HTTP, on {@code POST /v1/api-keys}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class IdempotencyApiTest {

  static final Database db = TestDatabase.fresh(IdempotencyApiTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;
  static final String BODY = "{\"label\":\"retried\",\"scopes\":[\"node:read\"]}";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;
  @Autowired IdempotencyCleanup cleanup;

  @Test
  void aRetryGetsTheFirstAnswerByteForByteAndCreatesNothing() throws Exception {
    EntityExchangeResult<byte[]> first =
        post(ADMIN, "retry-1", BODY.replace("retried", "retried once"))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .doesNotExist(Idempotency.REPLAYED_HEADER)
            .expectBody()
            .returnResult();
    // The same request, encoded differently: keys reordered, white space.
    String reordered = "{ \"scopes\": [\"node:read\"],\n \"label\": \"retried once\" }";
    EntityExchangeResult<byte[]> retry =
        post(ADMIN, "retry-1", reordered)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(Idempotency.REPLAYED_HEADER, "true")
            .expectBody()
            .returnResult();
    assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(retry.getResponseHeaders().getLocation())
        .isEqualTo(first.getResponseHeaders().getLocation());
    assertThat(new String(first.getResponseBody())).contains("\"key\":\"pr_");
    assertThat(count("SELECT count(*) FROM api_keys WHERE label = 'retried once'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM idempotency_keys WHERE response_body LIKE '%pr\\_%'"))
        .as("the new key's secret is not kept in the clear")
        .isZero();
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    post(ADMIN, "reuse-1", BODY).expectStatus().isCreated();
    post(ADMIN, "reuse-1", BODY.replace("retried", "other"))
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:idempotency-key-reused");
  }

  @Test
  void anotherCreatorCannotReplayTheNewKey() throws Exception {
    String otherAdmin = TestApiKeys.addKey(db, TestApiKeys.defaultStore(db), Scope.values()).key();
    post(ADMIN, "creator-1", BODY).expectStatus().isCreated();
    post(otherAdmin, "creator-1", BODY).expectStatus().isEqualTo(422);
  }

  @Test
  void keysArePerStore() throws Exception {
    TestApiKeys.StoreKey other =
        TestApiKeys.newStore(db, "Other", Scope.KEYS_MANAGE, Scope.NODE_READ);
    post(ADMIN, "per-store-1", BODY).expectStatus().isCreated();
    post(other.key(), "per-store-1", BODY)
        .expectStatus()
        .isCreated()
        .expectHeader()
        .doesNotExist(Idempotency.REPLAYED_HEADER);
  }

  @Test
  void aRetryWhileTheFirstRequestRunsIs409() throws Exception {
    post(ADMIN, "running-1", BODY).expectStatus().isCreated();
    // As if the first request were still running (its answer not stored yet).
    execute(
        "UPDATE idempotency_keys SET status = 'in_progress', response_status = NULL,"
            + " response_body = NULL, completed_at = NULL WHERE key = 'running-1'");
    post(ADMIN, "running-1", BODY)
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:idempotency-in-progress");
    post(ADMIN, "running-1", BODY.replace("retried", "other")).expectStatus().isEqualTo(422);
  }

  @Test
  void badHeadersAre400AndAFailedRequestFreesItsKey() {
    post(ADMIN, "k".repeat(256), BODY)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:validation")
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");
    post(ADMIN, "k".repeat(255), BODY).expectStatus().isCreated();
    post(ADMIN, "tab\there", BODY).expectStatus().isBadRequest();
    post(ADMIN, "fails-1", "{\"label\":\"x\",\"scopes\":[\"nope\"]}").expectStatus().isBadRequest();
    post(ADMIN, "fails-1", BODY).expectStatus().isCreated();
  }

  @Test
  void entriesExpireAfter24Hours() throws Exception {
    UUID store = TestApiKeys.defaultStore(db);
    post(ADMIN, "old-1", BODY).expectStatus().isCreated();
    post(ADMIN, "old-2", BODY).expectStatus().isCreated();
    Instant dayAgo = Instant.now().minus(Idempotency.RETENTION).minus(1, ChronoUnit.MINUTES);
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE idempotency_keys SET created_at = ? WHERE key IN ('old-1', 'old-2')")) {
      s.setTimestamp(1, Timestamp.from(dayAgo));
      s.executeUpdate();
    }
    post(ADMIN, "old-1", BODY.replace("retried", "new body"))
        .expectStatus()
        .isCreated()
        .expectHeader()
        .doesNotExist(Idempotency.REPLAYED_HEADER);
    StepVerifier.create(cleanup.purgeExpired()).expectNextMatches(n -> n >= 1).verifyComplete();
    assertThat(count("SELECT count(*) FROM idempotency_keys WHERE key = 'old-2'")).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM idempotency_keys WHERE key = 'old-1' AND store_id = '"
                    + store
                    + "'"))
        .isEqualTo(1);
  }

  private WebTestClient.ResponseSpec post(String key, String idempotencyKey, String body) {
    return http.post()
        .uri("/v1/api-keys")
        .headers(ScopeMatrix.bearer(key))
        .header(Idempotency.HEADER, idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static long count(String sql) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = db.connect()) {
      c.createStatement().execute(sql);
    }
  }
}
