package dev.payrelay.gateway.webhooks;

import static dev.payrelay.gateway.webhooks.WebhooksApi.create;
import static dev.payrelay.gateway.webhooks.WebhooksApi.patch;
import static dev.payrelay.gateway.webhooks.WebhooksApi.post;
import static dev.payrelay.gateway.webhooks.WebhooksApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A node with the default {@code payrelay.webhooks.allow-private-targets=false}: webhook URLs that
 * reach loopback, private, link-local or reserved addresses are refused with a clear 400.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
class WebhookPrivateTargetsTest {

  static final Database db = TestDatabase.fresh(WebhookPrivateTargetsTest.class);
  static final String ADMIN = TestNode.ADMIN_KEY;

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
  }

  @Autowired WebTestClient http;

  @Test
  void privateAndLoopbackTargetsAreRefusedByDefault() throws Exception {
    for (String url :
        List.of(
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.10:3000/hook",
            "http://172.20.0.5/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://0.0.0.0:8080/",
            "http://[::1]:8080/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://[fd00::5]/hook",
            "http://100.100.100.200/")) {
      Map<String, Object> p =
          problem(
              post(http, ADMIN, Map.of("url", url, "eventTypes", List.of("invoice.paid"))),
              400,
              "validation");
      assertThat(p.get("errors").toString()).as(url).contains("field=url");
      assertThat((String) p.get("detail")).as(url).contains("allow-private-targets");
    }
    assertThat(WebhookTestSql.number(db, "SELECT count(*) FROM webhook_endpoints")).isZero();

    String id =
        (String)
            create(
                    http,
                    ADMIN,
                    Map.of(
                        "url", "https://93.184.215.14/hook", "eventTypes", List.of("invoice.paid")))
                .get("id");
    problem(patch(http, ADMIN, id, Map.of("url", "http://127.0.0.1/x")), 400, "validation");
    assertThat(
            WebhookTestSql.column(db, "SELECT url FROM webhook_endpoints WHERE id = ?::uuid", id))
        .containsExactly("https://93.184.215.14/hook");
  }
}
