package dev.payrelay.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Errors Spring finds before any handler runs: no route, wrong method, media types, body size. */
class ProblemRoutingTest extends ProblemTestNode {

  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/v1/nope", "/v1/invoices/x/y/z", "/v1"})
  void unknownPathsAnswerNotFoundProblemsWhateverTheAcceptHeader(String path) {
    expectProblem(http.get().uri(path), 404, "not-found", path);
    expectProblem(http.get().uri(path).accept(MediaType.TEXT_HTML), 404, "not-found", path);
    expectProblem(
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{}"),
        404,
        "not-found",
        path);
  }

  @Test
  void aWrongMethodAnswers405WithTheAllowedOnes() {
    http.delete()
        .uri("/v1/node")
        .exchange()
        .expectStatus()
        .isEqualTo(405)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo("urn:payrelay:problem:method-not-allowed")
        .jsonPath("$.detail")
        .value(detail -> assertThat(detail.toString()).contains("DELETE", "GET"));
  }

  @Test
  void anUnacceptableAcceptHeaderAnswers406AsProblemJson() {
    expectProblem(
        http.get().uri("/v1/node").accept(MediaType.parseMediaType("text/csv")),
        406,
        "not-acceptable",
        "/v1/node");
  }

  @Test
  void aBodyThatIsNotJsonAnswers415() {
    expectProblem(
        http.post().uri("/probe/orders").contentType(MediaType.TEXT_PLAIN).bodyValue("name=x"),
        415,
        "unsupported-media-type",
        "/probe/orders");
  }

  @Test
  void aBodyOverTheLimitAnswers413BeforeAnythingReadsIt() {
    byte[] big = json(RequestBodyLimit.MAX_REQUEST_BODY_BYTES + 1);
    expectProblem(
            http.post().uri("/v1/invoices").contentType(MediaType.APPLICATION_JSON).bodyValue(big),
            413,
            "payload-too-large",
            "/v1/invoices")
        .jsonPath("$.detail")
        .isEqualTo("The request body is larger than 65536 bytes");
  }

  /** A chunked body has no Content-Length: the limit counts bytes as they are read. */
  @ParameterizedTest
  @ValueSource(strings = {"/probe/orders", "/probe/raw"})
  void aChunkedBodyOverTheLimitAnswers413(String path) {
    Flux<DataBuffer> chunks =
        Flux.range(0, 5).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(json(16 * 1024)));
    expectProblem(
        http.post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .body(chunks, DataBuffer.class),
        413,
        "payload-too-large",
        path);
  }

  @Test
  void aBodyOfExactlyTheLimitIsRead() {
    int limit = RequestBodyLimit.MAX_REQUEST_BODY_BYTES;
    Flux<DataBuffer> chunks =
        Flux.range(0, 4).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(json(limit / 4)));
    http.post()
        .uri("/probe/raw")
        .contentType(MediaType.APPLICATION_JSON)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Integer.class)
        .isEqualTo(limit);
  }

  /** {@code n} bytes of JSON-ish text (a string of spaces), enough to count. */
  private static byte[] json(int n) {
    byte[] bytes = new byte[n];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }
}
