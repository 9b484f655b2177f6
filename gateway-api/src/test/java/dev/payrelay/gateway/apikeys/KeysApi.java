package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.auth.ScopeMatrix;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls of {@code /v1/api-keys} the tests share. */
final class KeysApi {

  private KeysApi() {}

  static WebTestClient.ResponseSpec create(WebTestClient http, String key, Map<String, ?> body) {
    return http.post()
        .uri("/v1/api-keys")
        .headers(ScopeMatrix.bearer(key))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** The id of a live key of the default store, found by its prefix. */
  static String idOf(WebTestClient http, String key) {
    String prefix = key.substring(3, 15);
    return listed(http, TestNode.ADMIN_KEY).stream()
        .filter(k -> prefix.equals(k.get("prefix")))
        .map(k -> (String) k.get("id"))
        .findFirst()
        .orElseThrow();
  }

  /** The live keys {@code key}'s store lists. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> listed(WebTestClient http, String key) {
    return (List<Map<String, Object>>) TestNode.getJson(http, "/v1/api-keys", key).get("data");
  }
}
