package dev.payrelay.gateway;

import dev.payrelay.invoicing.testing.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Points a node under test at a test database, with no dev chain of its own. */
public final class TestNode {

  /**
   * The admin key (every scope) of the default store of every node started with {@link
   * #properties}, given to it as {@code payrelay.bootstrap-api-key}.
   */
  public static final String ADMIN_KEY = "pr_TestNodeAdmn_0123456789abcdefghijABCDEFGHIJklmnop";

  private TestNode() {}

  /** The properties that make a node use {@code db} (and never start an embedded server). */
  public static Map<String, String> properties(Database db) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("spring.r2dbc.url", db.r2dbcUrl());
    p.put("spring.r2dbc.username", db.username());
    p.put("spring.r2dbc.password", db.password());
    p.put("spring.flyway.url", db.jdbcUrl());
    p.put("spring.flyway.user", db.username());
    p.put("spring.flyway.password", db.password());
    p.put("payrelay.dev-chain.enabled", "false");
    p.put("payrelay.bootstrap-api-key", ADMIN_KEY);
    // Each test node keeps its state (the node key) in a folder of its own under target/.
    p.put(
        "payrelay.data-dir",
        java.nio.file.Path.of(
                System.getProperty("java.io.tmpdir"), "node-" + java.util.UUID.randomUUID())
            .toString());
    return p;
  }

  /** GETs {@code path} with {@link #ADMIN_KEY}, expects 200 and returns the JSON object. */
  public static Map<String, Object> getJson(WebTestClient http, String path) {
    return getJson(http, path, ADMIN_KEY);
  }

  /** GETs {@code path} with {@code apiKey}, expects 200 and returns the JSON object it answered. */
  public static Map<String, Object> getJson(WebTestClient http, String path, String apiKey) {
    return http.get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  /**
   * GETs {@code path}, with {@code apiKey} or with no key when it is null, and expects a 401
   * problem. The body is read, so that the test client releases its buffers.
   */
  public static void assertUnauthorized(WebTestClient http, String path, String apiKey) {
    http.get()
        .uri(path)
        .headers(
            h -> {
              if (apiKey != null) {
                h.setBearerAuth(apiKey);
              }
            })
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  public static void register(DynamicPropertyRegistry registry, Database db) {
    properties(db).forEach((k, v) -> registry.add(k, () -> v));
  }
}
