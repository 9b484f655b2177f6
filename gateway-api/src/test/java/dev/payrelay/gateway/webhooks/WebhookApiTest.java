package dev.payrelay.gateway.webhooks;

import static dev.payrelay.gateway.webhooks.WebhooksApi.create;
import static dev.payrelay.gateway.webhooks.WebhooksApi.get;
import static dev.payrelay.gateway.webhooks.WebhooksApi.json;
import static dev.payrelay.gateway.webhooks.WebhooksApi.patch;
import static dev.payrelay.gateway.webhooks.WebhooksApi.post;
import static dev.payrelay.gateway.webhooks.WebhooksApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.auth.ScopeMatrix;
import dev.payrelay.gateway.auth.TestApiKeys;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.util.HashMap;
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

/** {@code /v1/webhooks}: the endpoint lifecycle, bad input, scopes and store isolation. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class WebhookApiTest {

  static final Database db = TestDatabase.fresh(WebhookApiTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;
  static final String URL = "http://127.0.0.1:9/hook";

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
    registry.add("payrelay.webhooks.allow-private-targets", () -> "true");
  }

  @Autowired WebTestClient http;

  @Test
  void createsListsChangesAndDeletesAnEndpointShowingItsSecretOnce() {
    Map<String, Object> created =
        create(
            http,
            ADMIN,
            Map.of(
                "url",
                URL,
                "eventTypes",
                List.of("invoice.paid", "payment.detected"),
                "description",
                "shop backend"));
    String id = (String) created.get("id");
    assertThat((String) created.get("secret")).matches("whsec_[A-Za-z0-9+/]{43}=");
    assertThat(created)
        .containsEntry("enabled", true)
        .containsEntry("disabledReason", null)
        .containsEntry("url", URL);

    Map<String, Object> read = json(get(http, ADMIN, "/v1/webhooks/" + id).expectStatus().isOk());
    assertThat(read).doesNotContainKey("secret").containsEntry("description", "shop backend");
    assertThat(json(get(http, ADMIN, "/v1/webhooks").expectStatus().isOk()).toString())
        .contains(id)
        .doesNotContain((String) created.get("secret"));

    Map<String, Object> off =
        json(patch(http, ADMIN, id, Map.of("enabled", false)).expectStatus().isOk());
    assertThat(off).containsEntry("enabled", false).containsEntry("disabledReason", "manual");
    assertThat(off.get("disabledAt")).isNotNull();
    Map<String, Object> on =
        json(
            patch(
                    http,
                    ADMIN,
                    id,
                    Map.of("enabled", true, "eventTypes", List.of("invoice.expired")))
                .expectStatus()
                .isOk());
    assertThat(on)
        .containsEntry("enabled", true)
        .containsEntry("disabledReason", null)
        .containsEntry("disabledAt", null)
        .containsEntry("eventTypes", List.of("invoice.expired"))
        .containsEntry("url", URL);

    http.delete()
        .uri("/v1/webhooks/" + id)
        .headers(h -> h.setBearerAuth(ADMIN))
        .exchange()
        .expectStatus()
        .isNoContent();
    problem(get(http, ADMIN, "/v1/webhooks/" + id), 404, "not-found");
  }

  @Test
  void badInputIsAClearProblemAndCreatesNothing() {
    int before = count();
    Map<String, Object> good = Map.of("url", URL, "eventTypes", List.of("invoice.paid"));
    assertField(with(good, "url", "ftp://shop.example.com/hook"), "url");
    assertField(with(good, "url", "not a url"), "url");
    assertField(with(good, "url", "https://user:secret@shop.example.com/hook"), "url");
    assertField(with(good, "url", "/relative"), "url");
    assertField(
        with(good, "eventTypes", List.of("invoice.paid", "invoice.shipped")), "eventTypes[1]");
    assertField(with(good, "eventTypes", List.of("invoice.paid", "invoice.paid")), "eventTypes[1]");
    assertField(with(good, "eventTypes", List.of()), "eventTypes");
    assertField(Map.of("url", URL), "eventTypes");
    assertField(with(good, "description", "x".repeat(201)), "description");
    assertField(with(good, "secret", "whsec_mine"), "secret");
    Map<String, Object> unknown =
        problem(
            post(http, ADMIN, Map.of("url", URL, "eventTypes", List.of("invoice.shipped"))),
            400,
            "validation");
    assertThat(unknown.toString()).contains("invoice.paid").contains("webhook.disabled");
    problem(
        http.post()
            .uri("/v1/webhooks")
            .headers(h -> h.setBearerAuth(ADMIN))
            .contentType(MediaType.APPLICATION_JSON)
            .exchange(),
        400,
        "validation");
    assertThat(count()).isEqualTo(before);

    String id = (String) create(http, ADMIN, good).get("id");
    problem(patch(http, ADMIN, id, Map.of()), 400, "validation");
    problem(patch(http, ADMIN, id, Map.of("url", "gopher://x")), 400, "validation");
    problem(get(http, ADMIN, "/v1/webhooks/not-a-uuid"), 400, "validation");
    problem(get(http, ADMIN, "/v1/webhooks/" + id + "/deliveries?limit=0"), 400, "validation");
    problem(get(http, ADMIN, "/v1/webhooks/" + id + "/deliveries?cursor=x"), 400, "validation");
    problem(get(http, ADMIN, "/v1/webhooks/" + id + "/deliveries?page=2"), 400, "validation");
    assertThat(json(get(http, ADMIN, "/v1/webhooks/" + id).expectStatus().isOk()))
        .containsEntry("url", URL);
  }

  @Test
  void everyOperationNeedsWebhooksManageAndStoresAreIsolated() throws Exception {
    ScopeMatrix matrix = ScopeMatrix.create(http, ADMIN);
    Map<String, Object> body = Map.of("url", URL, "eventTypes", List.of("invoice.paid"));
    String id =
        (String)
            json(matrix
                    .assertOnly(
                        Scope.WEBHOOKS_MANAGE,
                        auth ->
                            http.post()
                                .uri("/v1/webhooks")
                                .headers(auth)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)
                                .exchange())
                    .expectStatus()
                    .isCreated())
                .get("id");
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE, auth -> http.get().uri("/v1/webhooks").headers(auth).exchange())
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE,
            auth -> http.get().uri("/v1/webhooks/" + id).headers(auth).exchange())
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE,
            auth ->
                http.patch()
                    .uri("/v1/webhooks/" + id)
                    .headers(auth)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("description", "changed"))
                    .exchange())
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE,
            auth -> http.get().uri("/v1/webhooks/" + id + "/deliveries").headers(auth).exchange())
        .expectStatus()
        .isOk();
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE,
            auth ->
                http.post()
                    .uri("/v1/webhooks/" + id + "/deliveries/999999/redeliver")
                    .headers(auth)
                    .exchange())
        .expectStatus()
        .isNotFound();
    matrix
        .assertOnly(
            Scope.INVOICES_READ,
            auth ->
                http.get()
                    .uri("/v1/events")
                    .header("Last-Event-ID", "not-a-number")
                    .headers(auth)
                    .exchange())
        .expectStatus()
        .isBadRequest();
    matrix
        .assertOnly(
            Scope.INVOICES_READ,
            auth -> http.get().uri("/v1/invoices/export").headers(auth).exchange())
        .expectStatus()
        .isOk();

    TestApiKeys.StoreKey other = TestApiKeys.newStore(db, "Other shop", Scope.WEBHOOKS_MANAGE);
    problem(get(http, other.key(), "/v1/webhooks/" + id), 404, "not-found");
    problem(patch(http, other.key(), id, Map.of("enabled", false)), 404, "not-found");
    problem(get(http, other.key(), "/v1/webhooks/" + id + "/deliveries"), 404, "not-found");
    problem(
        http.delete()
            .uri("/v1/webhooks/" + id)
            .headers(h -> h.setBearerAuth(other.key()))
            .exchange(),
        404,
        "not-found");
    assertThat(json(get(http, other.key(), "/v1/webhooks").expectStatus().isOk()))
        .containsEntry("data", List.of());
    matrix
        .assertOnly(
            Scope.WEBHOOKS_MANAGE,
            auth -> http.delete().uri("/v1/webhooks/" + id).headers(auth).exchange())
        .expectStatus()
        .isNoContent();
  }

  private void assertField(Map<String, Object> body, String field) {
    Map<String, Object> p = problem(post(http, ADMIN, body), 400, "validation");
    assertThat(p.get("errors").toString()).as(body.toString()).contains("field=" + field);
  }

  private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  private static int count() {
    try {
      return (int) WebhookTestSql.number(db, "SELECT count(*) FROM webhook_endpoints");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
