package dev.payrelay.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Many identical requests with one Idempotency-Key at once: the action runs exactly once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class IdempotencyConcurrencyTest {

  static final Database db = TestDatabase.fresh(IdempotencyConcurrencyTest.class);
  static final int REQUESTS = 20;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void concurrentDuplicatesCreateOneKeyAndGetItOrA409() throws Exception {
    String body = "{\"label\":\"concurrent\",\"scopes\":[\"node:read\"]}";
    List<Integer> statuses =
        Flux.range(0, REQUESTS)
            .flatMap(
                i ->
                    Mono.fromCallable(
                            () ->
                                http.post()
                                    .uri("/v1/api-keys")
                                    .headers(h -> h.setBearerAuth(TestNode.ADMIN_KEY))
                                    .header(Idempotency.HEADER, "same-key")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(body)
                                    .exchange()
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value())
                        .subscribeOn(Schedulers.boundedElastic()),
                REQUESTS)
            .collectList()
            .block(Duration.ofSeconds(60));
    assertThat(statuses).hasSize(REQUESTS).isSubsetOf(201, 409).contains(201);
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM api_keys WHERE label = 'concurrent'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("keys created").isEqualTo(1);
    }
    Map<String, Object> replay =
        http.post()
            .uri("/v1/api-keys")
            .headers(h -> h.setBearerAuth(TestNode.ADMIN_KEY))
            .header(Idempotency.HEADER, "same-key")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(replay).containsEntry("label", "concurrent");
  }
}
