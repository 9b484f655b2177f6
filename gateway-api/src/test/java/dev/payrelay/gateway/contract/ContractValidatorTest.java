package dev.payrelay.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The validator can fail: fake exchanges that break the contract in one way each. */
class ContractValidatorTest {

  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";
  static final String NODE =
      """
      {"name":"Acme","version":"0.1.0","publicBaseUrl":"http://localhost:8080",
       "initializedAt":"2026-01-01T00:00:00Z","startedAt":"2026-01-02T00:00:00Z",
       "peerId":"12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
       "chains":[{"name":"devchain","chainId":1337,"confirmations":3,"nativeSymbol":"ETH",
                  "tokens":[],"paymentProxies":[]}]}
      """;
  static final String NOT_FOUND =
      """
      {"type":"urn:payrelay:problem:not-found","title":"No such resource","status":404,
       "detail":"There is nothing at this path","instance":"/v1/nope"}
      """;
  static final String KEY_CREATE = "{\"label\":\"shop\",\"scopes\":[\"invoices:read\"]}";
  static final String KEY_CREATED =
      """
      {"id":"0b5e8f5c-3a53-4d43-9d7a-5b0f6c1e2a10","prefix":"pr_abcdefghijkl","label":"shop",
       "scopes":["invoices:read"],"createdAt":"2026-01-01T00:00:00Z","lastUsedAt":null,
       "key":"pr_abcdefghijkl_0123456789abcdefghijABCDEFGHIJ0123456789"}
      """;

  private final ContractValidator validator = ContractValidator.shared();

  @Test
  void acceptsAValidNodeAnswer() {
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 200, JSON, NODE)))
        .isEmpty();
  }

  @Test
  void rejectsAWrongTypeInTheBody() {
    String body = NODE.replace("\"chainId\":1337", "\"chainId\":\"1337\"");
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 200, JSON, body)))
        .singleElement()
        .asString()
        .contains("chainId");
  }

  @Test
  void rejectsAPropertyTheContractDoesNotHave() {
    String body = NODE.replace("\"name\":\"devchain\"", "\"name\":\"devchain\",\"rpcUrl\":\"x\"");
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 200, JSON, body)))
        .singleElement()
        .asString()
        .contains("rpcUrl");
  }

  @Test
  void rejectsAMissingRequiredProperty() {
    String body = NODE.replace("\"version\":\"0.1.0\",", "");
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 200, JSON, body)))
        .singleElement()
        .asString()
        .contains("version");
  }

  @Test
  void rejectsAnUndocumentedStatus() {
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 418, PROBLEM, "{}")))
        .singleElement()
        .asString()
        .contains("status 418 is not documented");
  }

  @Test
  void rejectsAnUndocumentedContentType() {
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/node", 200, "text/plain", "x")))
        .singleElement()
        .asString()
        .contains("Content-Type text/plain");
  }

  @Test
  void rejectsABodyOnANoContentAnswer() {
    String path = "/v1/api-keys/0b5e8f5c-3a53-4d43-9d7a-5b0f6c1e2a10";
    assertThat(validator.violations(ContractExchange.of("DELETE", path, 204, null, null)))
        .isEmpty();
    assertThat(validator.violations(ContractExchange.of("DELETE", path, 204, JSON, "{}")))
        .singleElement()
        .asString()
        .contains("without a body");
  }

  @Test
  void unknownApiPathsMustAnswerAValidProblem() {
    assertThat(
            validator.violations(ContractExchange.of("GET", "/v1/nope", 404, PROBLEM, NOT_FOUND)))
        .isEmpty();
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/nope", 200, JSON, "{}")))
        .isNotEmpty();
    assertThat(
            validator.violations(
                ContractExchange.of("GET", "/v1/nope", 404, PROBLEM, "{\"status\":404}")))
        .anySatisfy(v -> assertThat(v).contains("type"));
    assertThat(validator.violations(ContractExchange.of("GET", "/v1/nope", 404, "text/html", "x")))
        .isNotEmpty();
  }

  @Test
  void pagesOutsideTheApiAreCheckedOnlyWhenTheyAnswerAProblem() {
    assertThat(validator.violations(ContractExchange.of("GET", "/docs", 200, "text/html", "<p>")))
        .isEmpty();
    assertThat(validator.violations(ContractExchange.of("GET", "/nope", 404, PROBLEM, "{}")))
        .isNotEmpty();
  }

  @Test
  void aRequestBodyTheNodeAcceptedMustMatchTheContract() {
    ContractExchange created = ContractExchange.of("POST", "/v1/api-keys", 201, JSON, KEY_CREATED);
    assertThat(validator.violations(created.withJsonRequest(KEY_CREATE))).isEmpty();
    String unknownField = KEY_CREATE.replace("}", ",\"expires\":1}");
    assertThat(validator.violations(created.withJsonRequest(unknownField)))
        .singleElement()
        .asString()
        .contains("accepted a request body the contract forbids", "expires");
    ContractExchange refused =
        ContractExchange.of("POST", "/v1/api-keys", 400, PROBLEM, NOT_FOUND.replace("404", "400"))
            .withJsonRequest(unknownField);
    assertThat(validator.violations(refused)).isEmpty();
  }

  @Test
  void matchesConcretePathsToTemplatesAndChecksTheQueryLessPath() {
    String page = "{\"data\":[],\"nextCursor\":null}";
    assertThat(
            validator.violations(
                ContractExchange.of("GET", "/v1/invoices?limit=5", 200, JSON, page)))
        .isEmpty();
    assertThat(
            validator.violations(
                ContractExchange.of(
                    "GET",
                    "/v1/invoices/0b5e8f5c-3a53-4d43-9d7a-5b0f6c1e2a10/payments",
                    200,
                    JSON,
                    "{\"data\":[]}")))
        .isEmpty();
  }

  @Test
  void checkFailsWithEveryViolationNamed() {
    String body =
        NODE.replace("\"chainId\":1337", "\"chainId\":0").replace("\"version\":\"0.1.0\",", "");
    assertThatThrownBy(
            () -> validator.check(ContractExchange.of("GET", "/v1/node", 200, JSON, body)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /v1/node → 200 breaks the contract")
        .hasMessageContaining("chainId")
        .hasMessageContaining("version");
  }
}
