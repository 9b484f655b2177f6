package dev.payrelay.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/** Failures inside the node: a generic answer with an errorId, the details only in the log. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemInternalTest extends ProblemTestNode {

  @Test
  void anUnexpectedExceptionAnswers500WithAnErrorIdAndNoInternals(CapturedOutput log) {
    for (String path : new String[] {"/probe/boom", "/probe/async-boom"}) {
      Map<String, Object> problem = problem(path, 500, "internal");
      String errorId = (String) problem.get("errorId");
      assertThat(errorId).matches("[0-9a-f]{16}");
      assertThat(problem.toString()).doesNotContain("secret", "postgresql", "Exception");
      assertThat(log.getOut() + log.getErr())
          .contains("errorId " + errorId)
          .contains(ErrorProbe.SECRET);
    }
  }

  @Test
  void anUnavailableDatabaseAnswers503WithAnErrorId() {
    Map<String, Object> problem = problem("/probe/database-down", 503, "unavailable");
    assertThat(problem.get("errorId")).asString().matches("[0-9a-f]{16}");
    assertThat(problem.toString()).doesNotContain("secret");
  }

  @Test
  void anApiProblemIsAnsweredWithItsTypeDetailErrorsAndHeaders() {
    http.get()
        .uri("/probe/rate-limited")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("Retry-After", "7")
        .expectBody()
        .json(
            """
            {"type":"urn:payrelay:problem:rate-limited","title":"Too many requests","status":429,
             "detail":"Slow down","instance":"/probe/rate-limited",
             "errors":[{"field":"lineItems[1].quantity","message":"must be greater than 0"}]}
            """,
            org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void unauthenticatedAnswersCarryABearerChallenge() {
    http.get()
        .uri("/probe/unauthenticated")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"payrelay\"");
  }

  private Map<String, Object> problem(String path, int status, String slug) {
    return http.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .value(
            p -> {
              assertThat(p).containsEntry("type", ProblemType.URI_PREFIX + slug);
              assertThat(p).containsEntry("instance", path);
            })
        .returnResult()
        .getResponseBody();
  }
}
