package dev.payrelay.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The validating client against a real node: real answers pass, and a drift fails the test. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class ContractValidationApiTest {

  static final Database db = TestDatabase.fresh(ContractValidationApiTest.class);

  /** An admin key of the default store, given to the node as its bootstrap key. */
  static final String KEY = "pr_contracttest_" + "c0ntr4ctT3st".repeat(4);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
    registry.add("payrelay.bootstrap-api-key", () -> KEY);
  }

  @Autowired WebTestClient http;

  @Test
  void theRealNodeAnswerMatchesTheContract() {
    http.get().uri("/v1/node").headers(h -> h.setBearerAuth(KEY)).exchange().expectStatus().isOk();
  }

  @Test
  void errorsOfTheRealNodeMatchTheContract() {
    http.get().uri("/v1/node").exchange().expectStatus().isUnauthorized();
    http.post().uri("/v1/node").exchange().expectStatus().isEqualTo(405);
    http.get().uri("/v1/no-such-thing").exchange().expectStatus().isNotFound();
  }

  @Test
  void aNodeAnswerThatDriftedFromTheContractFailsTheRequest(@TempDir Path dir) throws Exception {
    Path drifted = dir.resolve("openapi.yaml");
    String contract = Files.readString(OpenApiContract.shared().file());
    Files.writeString(
        drifted,
        contract.replace(
            "required: [name, version, publicBaseUrl, initializedAt, startedAt, peerId, chains]",
            "required: [name, version, publicBaseUrl, initializedAt, startedAt, peerId, chains, region]"));
    WebTestClient strict =
        http.mutate()
            .filter(ContractValidation.filter(new ContractValidator(OpenApiContract.of(drifted))))
            .build();

    Throwable failure =
        catchThrowable(
            () -> strict.get().uri("/v1/node").headers(h -> h.setBearerAuth(KEY)).exchange());

    assertThat(failure).isNotNull();
    Throwable cause = failure instanceof AssertionError ? failure : failure.getCause();
    assertThat(cause)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /v1/node → 200 breaks the contract")
        .hasMessageContaining("region");
  }
}
