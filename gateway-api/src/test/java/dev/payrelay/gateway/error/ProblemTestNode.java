package dev.payrelay.gateway.error;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real node (real HTTP, real PostgreSQL) with the {@link ErrorProbe} endpoints, whose client
 * validates every exchange against the contract. The problem tests share it (one context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
@Import(ErrorProbe.class)
abstract class ProblemTestNode {

  static final Database db = TestDatabase.fresh(ProblemTestNode.class);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.RequestHeadersSpec<?> request, int status, String slug, String instance) {
    return request
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(ProblemType.URI_PREFIX + slug)
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.instance")
        .isEqualTo(instance);
  }
}
