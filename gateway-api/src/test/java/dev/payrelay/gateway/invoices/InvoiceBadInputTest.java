package dev.payrelay.gateway.invoices;

import static dev.payrelay.gateway.invoices.Bodies.list;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.error.RequestBodyLimit;
import dev.payrelay.gateway.idempotency.Idempotency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bad-input battery of {@code POST /v1/invoices}: each bad request is a 4xx problem naming what
 * is wrong, and writes nothing (no invoice, line, outbox event, idempotency key or number taken).
 */
class InvoiceBadInputTest extends InvoiceNode {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.payrelay.gateway.invoices.BadInvoices#cases")
  void refusesABadBodyNamingTheFieldAndWritesNothing(
      String name, String body, String slug, String field) throws Exception {
    String before = Sql.writes(db);
    Map<String, Object> problem = problem(post(ADMIN, "bad-" + name, body), 400, slug);
    if (field != null) {
      assertThat(list(problem, "errors")).as(name).extracting(e -> e.get("field")).contains(field);
    }
    assertThat(Sql.writes(db)).as(name + ": nothing written").isEqualTo(before);
  }

  @Test
  void refusesABodyOverTheSizeLimitWith413() throws Exception {
    String before = Sql.writes(db);
    Map<String, Object> body = Bodies.coffee();
    body.put("memo", "m".repeat(RequestBodyLimit.MAX_REQUEST_BODY_BYTES));
    problem(post(ADMIN, null, body), 413, "payload-too-large");
    assertThat(Sql.writes(db)).isEqualTo(before);
  }

  @Test
  void refusesABodyThatIsNotJsonWith415AndAnEmptyOneAsMalformed() throws Exception {
    String before = Sql.writes(db);
    problem(
        http.post()
            .uri("/v1/invoices")
            .headers(h -> h.setBearerAuth(ADMIN))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("one flat white")
            .exchange(),
        415,
        "unsupported-media-type");
    problem(
        http.post()
            .uri("/v1/invoices")
            .headers(h -> h.setBearerAuth(ADMIN))
            .contentType(MediaType.APPLICATION_JSON)
            .exchange(),
        400,
        "malformed-body");
    assertThat(Sql.writes(db)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 256})
  void refusesABadIdempotencyKeyNamingTheHeader(int length) throws Exception {
    String before = Sql.writes(db);
    WebTestClient.ResponseSpec answer = post(ADMIN, "k".repeat(length), Bodies.coffee());
    assertThat(list(problem(answer, 400, "validation"), "errors"))
        .extracting(e -> e.get("field"))
        .containsExactly(Idempotency.HEADER);
    assertThat(Sql.writes(db)).isEqualTo(before);
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    Map<String, Object> body = Bodies.coffee();
    Bodies.lineOf(body, 0).put("quantity", "0");
    body.put("buyer", Map.of("email", "nope"));
    body.put("orderId", "has space");
    Map<String, Object> problem = problem(post(ADMIN, null, body), 400, "validation");
    assertThat(list(problem, "errors"))
        .extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("lineItems[0].quantity", "buyer.email", "orderId");
  }
}
