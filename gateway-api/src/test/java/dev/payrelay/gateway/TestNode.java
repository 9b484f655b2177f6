package dev.payrelay.gateway;

import dev.payrelay.invoicing.testing.Database;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Points a node under test at a test database, with no dev chain of its own. */
public final class TestNode {

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
    return p;
  }

  /** GETs {@code path}, expects 200 and returns the JSON object it answered. */
  public static Map<String, Object> getJson(WebTestClient http, String path) {
    return http.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  public static void register(DynamicPropertyRegistry registry, Database db) {
    properties(db).forEach((k, v) -> registry.add(k, () -> v));
  }
}
