package dev.payrelay.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.OpenApiContract;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The contract and its interactive docs, served by the node itself, without an API key. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class DocsTest {

  static final Database db = TestDatabase.fresh(DocsTest.class);
  static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void servesTheContractFileAsItIsInTheCheckout() throws Exception {
    byte[] file = Files.readAllBytes(OpenApiContract.shared().file());
    byte[] served =
        http.get()
            .uri("/openapi.yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assertThat(served).isEqualTo(file);
  }

  @Test
  void docsIsAPageThatLoadsOnlyThisNodesOwnAssets() {
    String page = get("/docs", MediaType.TEXT_HTML);
    List<String> references = references(page);
    assertThat(references).contains("docs/assets/swagger-ui-bundle.js", "docs/init.js");
    for (String reference : references) {
      assertThat(reference)
          .as("a local, relative reference")
          .doesNotContain("//")
          .doesNotStartWith("/");
      get("/" + reference, MediaType.ALL);
    }
    assertThat(page).doesNotContainPattern("(?i)https?:");
    String init = get("/docs/init.js", MediaType.ALL);
    assertThat(init).contains("url: \"openapi.yaml\"", "validatorUrl: null");
    assertThat(init).doesNotContainPattern("(?i)https?:");
  }

  @Test
  void theDocsPageAllowsScriptsAndConnectionsToThisOriginOnly() {
    http.get()
        .uri("/docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Content-Security-Policy", DocsRoutes.CONTENT_SECURITY_POLICY)
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff");
    assertThat(DocsRoutes.CONTENT_SECURITY_POLICY)
        .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("http", "*", "unsafe-eval");
  }

  @Test
  void docsWithATrailingSlashRedirectsToDocs() {
    http.get()
        .uri("/docs/")
        .exchange()
        .expectStatus()
        .isPermanentRedirect()
        .expectHeader()
        .valueEquals(HttpHeaders.LOCATION, "../docs");
  }

  @Test
  void assetsThatDoNotExistAnswerNotFoundProblems() {
    http.get()
        .uri("/docs/assets/nope.js")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private String get(String path, MediaType accept) {
    byte[] body =
        http.mutate()
            .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
            .build()
            .get()
            .uri(path)
            .accept(accept)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    return new String(body, StandardCharsets.UTF_8);
  }

  private static List<String> references(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
