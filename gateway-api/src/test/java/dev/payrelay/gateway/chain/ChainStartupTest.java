package dev.payrelay.gateway.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.gateway.PayRelayApplication;
import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.wallet.testing.DevChain;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an operator sees when a chain is configured wrongly, or its endpoint is down. */
@ExtendWith(OutputCaptureExtension.class)
class ChainStartupTest {

  static final Database db = TestDatabase.fresh(ChainStartupTest.class);

  @Test
  void anEndpointServingAnotherChainStopsTheNode(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "--payrelay.chains[0].name=mainnet",
                    "--payrelay.chains[0].chain-id=1",
                    "--payrelay.chains[0].rpc-url=" + DevChain.shared().rpcUrl()))
        .isInstanceOf(RuntimeException.class);
    assertThat(output)
        .contains("reports chain id 1337, but it is configured as chain 1")
        .contains("APPLICATION FAILED TO START")
        .doesNotContain("\tat ");
  }

  @Test
  void aTokenWithABadChecksumIsNamedByItsProperty(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start(
                    "--payrelay.chains[0].name=devchain",
                    "--payrelay.chains[0].chain-id=1337",
                    "--payrelay.chains[0].rpc-url=" + DevChain.shared().rpcUrl(),
                    "--payrelay.chains[0].tokens[0].symbol=USDC",
                    "--payrelay.chains[0].tokens[0].address=0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
                    "--payrelay.chains[0].tokens[0].decimals=6"))
        .isInstanceOf(RuntimeException.class);
    assertThat(output)
        .contains("payrelay.chains[0].tokens[0]: the address")
        .contains("wrong EIP-55 checksum")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnreachableEndpointIsReportedDownInHealthButTheNodeStarts() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    try (ConfigurableApplicationContext node =
        start(
            "--payrelay.chains[0].name=devchain",
            "--payrelay.chains[0].chain-id=1337",
            "--payrelay.chains[0].rpc-url=http://127.0.0.1:" + deadPort)) {
      int port = ((WebServerApplicationContext) node).getWebServer().getPort();
      WebTestClient http =
          WebTestClient.bindToServer()
              .baseUrl("http://localhost:" + port)
              .responseTimeout(java.time.Duration.ofSeconds(20))
              .build();
      http.get()
          .uri("/actuator/health")
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectBody()
          .jsonPath("$.components.chains.status")
          .isEqualTo("DOWN")
          .jsonPath("$.components.chains.details.1337.endpoint")
          .isEqualTo("http://127.0.0.1:" + deadPort)
          .jsonPath("$.components.r2dbc.status")
          .isEqualTo("UP");
    }
  }

  private static ConfigurableApplicationContext start(String... args) {
    List<String> all = new ArrayList<>(List.of("--server.port=0"));
    for (Map.Entry<String, String> p : TestNode.properties(db).entrySet()) {
      all.add("--" + p.getKey() + "=" + p.getValue());
    }
    all.addAll(List.of(args));
    return new SpringApplicationBuilder(PayRelayApplication.class).run(all.toArray(String[]::new));
  }
}
