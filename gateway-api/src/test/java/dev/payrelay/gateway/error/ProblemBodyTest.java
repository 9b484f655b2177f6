package dev.payrelay.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bodies and parameters that are not what the handler takes: each names the field. */
class ProblemBodyTest extends ProblemTestNode {

  static final String VALID =
      "{\"name\":\"Flat white\",\"count\":2,\"items\":[{\"description\":\"cup\",\"quantity\":\"1\"}]}";

  WebTestClient.RequestHeadersSpec<?> post(String body) {
    return http.post().uri("/probe/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  @Test
  void aValidBodyPasses() {
    post(VALID).exchange().expectStatus().isOk();
  }

  @Test
  void invalidJsonIsAMalformedBodyWithItsPosition() {
    expectProblem(post("{\"name\": \"x\",}"), 400, "malformed-body", "/probe/orders")
        .jsonPath("$.detail")
        .value(
            d ->
                assertThat(d.toString())
                    .startsWith("The request body is not valid JSON at line 1, column"));
    expectProblem(post("{\"name\": \"x\""), 400, "malformed-body", "/probe/orders");
    expectProblem(post(VALID + " {}"), 400, "malformed-body", "/probe/orders");
    expectProblem(
        post("{\"name\":\"a\",\"name\":\"b\",\"count\":1}"),
        400,
        "malformed-body",
        "/probe/orders");
  }

  @Test
  void anEmptyBodyIsAMalformedBody() {
    expectProblem(
        http.post().uri("/probe/orders").contentType(MediaType.APPLICATION_JSON),
        400,
        "malformed-body",
        "/probe/orders");
  }

  @Test
  void anUnknownFieldIsRejectedByItsJsonPath() {
    String body = VALID.replace("\"quantity\":\"1\"", "\"quantity\":\"1\",\"colour\":\"red\"");
    expectProblem(post(body), 400, "validation", "/probe/orders")
        .jsonPath("$.errors.length()")
        .isEqualTo(1)
        .jsonPath("$.errors[0].field")
        .isEqualTo("items[0].colour")
        .jsonPath("$.errors[0].message")
        .isEqualTo("is not a known field")
        .jsonPath("$.detail")
        .isEqualTo("items[0].colour: is not a known field");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"count\":2 | \"count\":\"2\" | count | must be an integer",
        "\"count\":2 | \"count\":2.5 | count | must be an integer",
        "\"count\":2 | \"count\":null | count | must not be null",
        "\"name\":\"Flat white\" | \"name\":5 | name | must be a string",
        "\"name\":\"Flat white\" | \"name\":{} | name | must be a string",
        "\"quantity\":\"1\" | \"quantity\":1 | items[0].quantity | must be a string",
        "\"quantity\":\"1\" | \"quantity\":true | items[0].quantity | must be a string",
        "\"items\":[ | \"items\":{\"a\":[ | items | must be an array",
      })
  void aWrongJsonTypeIsRejectedNotCoerced(String from, String to, String field, String message) {
    expectProblem(post(VALID.replace(from, to)), 400, "validation", "/probe/orders")
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isEqualTo(message);
  }

  @Test
  void aBodyThatIsNotAnObjectIsRejected() {
    expectProblem(post("[1,2]"), 400, "validation", "/probe/orders")
        .jsonPath("$.errors[0].field")
        .isEqualTo("")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be an object");
  }

  @Test
  void beanValidationFailuresListEveryField() {
    String body = "{\"name\":\"\",\"count\":0,\"items\":[{\"description\":\" \"}]}";
    expectProblem(post(body), 400, "validation", "/probe/orders")
        .jsonPath("$.errors.length()")
        .isEqualTo(3)
        .jsonPath("$.errors[?(@.field == 'name')].message")
        .isEqualTo("must not be blank")
        .jsonPath("$.errors[?(@.field == 'count')].message")
        .isEqualTo("must be greater than 0")
        .jsonPath("$.errors[?(@.field == 'items[0].description')].message")
        .isEqualTo("must not be blank")
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).startsWith("3 problems with the request: "));
  }

  @Test
  void aPathParameterOfTheWrongTypeIsAValidationProblem() {
    expectProblem(
            http.get().uri("/probe/items/not-a-uuid"), 400, "validation", "/probe/items/not-a-uuid")
        .jsonPath("$.errors[0].field")
        .isEqualTo("id")
        .jsonPath("$.errors[0].message")
        .isEqualTo("must be a UUID");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "limit=abc&orderId=o | limit | must be an integer",
        "limit=0&orderId=o | limit | must be greater than or equal to 1",
        "limit=101&orderId=o | limit | must be less than or equal to 100",
        "createdFrom=yesterday&orderId=o | createdFrom | must be a date-time such as 2026-01-31T12:00:00Z",
        "limit=5 | orderId | is required",
      })
  void aQueryParameterThatIsWrongOrMissingIsAValidationProblem(
      String query, String field, String message) {
    expectProblem(http.get().uri("/probe/page?" + query), 400, "validation", "/probe/page")
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isEqualTo(message);
  }
}
