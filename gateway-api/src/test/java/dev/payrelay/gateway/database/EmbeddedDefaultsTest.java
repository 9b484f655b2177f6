package dev.payrelay.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.gateway.PayRelayApplication;
import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.chain.Chains;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's "run the node" path: no database or chain configured at all. The node must start a
 * real PostgreSQL and a dev chain under its data directory, and keep its data across a restart.
 */
class EmbeddedDefaultsTest {

  @TempDir Path dataDir;

  @Test
  void startsWithNoConfigurationAndKeepsItsDataAcrossARestart() throws Exception {
    Map<String, Object> first;
    URI devChain;
    try (ConfigurableApplicationContext node = start()) {
      WebTestClient http = client(node);
      assertThat(TestNode.getJson(http, "/actuator/health")).containsEntry("status", "UP");
      first = TestNode.getJson(http, "/v1/node");
      assertThat(first.get("chains").toString())
          .as("the dev chain is served when no chain is configured")
          .contains("name=devchain", "chainId=1337")
          .containsPattern("paymentProxies=\\[0x[0-9a-fA-F]{40}\\]");
      devChain = node.getBean(Chains.class).all().get(0).rpcUrl();
      assertThat(blockNumber(devChain)).as("the dev chain answers JSON-RPC").contains("result");
    }
    assertThat(Files.exists(dataDir.resolve("postgres/postgresql.conf"))).isTrue();
    assertThatThrownBy(() -> blockNumber(devChain))
        .as("the dev chain stops with the node")
        .isInstanceOf(IOException.class);

    try (ConfigurableApplicationContext node = start()) {
      Map<String, Object> second = TestNode.getJson(client(node), "/v1/node");
      assertThat(second.get("initializedAt"))
          .as("the first start recorded in the database survives the restart")
          .isEqualTo(first.get("initializedAt"));
      assertThat(second.get("startedAt")).isNotEqualTo(first.get("startedAt"));
      assertThat(second.get("peerId"))
          .as("the node key in the data directory keeps the peer id across restarts")
          .isEqualTo(first.get("peerId"));
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("node.key")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      assertThat(second.get("chains").toString())
          .as("the dev chain's state, with its payment proxy, survives the restart")
          .isEqualTo(first.get("chains").toString());
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PayRelayApplication.class)
        .run(
            "--server.port=0",
            "--payrelay.data-dir=" + dataDir,
            "--payrelay.dev-chain.port=0",
            "--payrelay.bootstrap-api-key=" + TestNode.ADMIN_KEY);
  }

  private static String blockNumber(URI rpc) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(rpc)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static WebTestClient client(ConfigurableApplicationContext node) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }
}
