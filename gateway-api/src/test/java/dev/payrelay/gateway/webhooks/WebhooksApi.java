package dev.payrelay.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Calls of {@code /v1/webhooks} for tests. */
final class WebhooksApi {

  private WebhooksApi() {}

  static WebTestClient.ResponseSpec post(WebTestClient http, String key, Object body) {
    return http.post()
        .uri("/v1/webhooks")
        .headers(h -> h.setBearerAuth(key))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  static WebTestClient.ResponseSpec patch(WebTestClient http, String key, String id, Object body) {
    return http.patch()
        .uri("/v1/webhooks/" + id)
        .headers(h -> h.setBearerAuth(key))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  static WebTestClient.ResponseSpec get(WebTestClient http, String key, String path) {
    return http.get().uri(path).headers(h -> h.setBearerAuth(key)).exchange();
  }

  /** Creates an endpoint: expects 201, returns the answer (with its secret). */
  static Map<String, Object> create(WebTestClient http, String key, Object body) {
    Map<String, Object> created = json(post(http, key, body).expectStatus().isCreated());
    assertThat((String) created.get("secret")).startsWith("whsec_");
    return created;
  }

  /** Expects a problem {@code slug} with {@code status}; returns its body. */
  static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status, String slug) {
    Map<String, Object> problem =
        json(
            response
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(problem).containsEntry("type", "urn:payrelay:problem:" + slug);
    return problem;
  }

  static Map<String, Object> json(WebTestClient.ResponseSpec response) {
    return response
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }
}
