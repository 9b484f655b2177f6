package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.PayRelayApplication;
import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Starts whole nodes on a test database, with or without a bootstrap key. */
final class NodeStarts {

  private NodeStarts() {}

  /** Starts a node on {@code db}; {@code bootstrapKey} null means none is configured. */
  static ConfigurableApplicationContext start(Database db, String bootstrapKey) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    for (Map.Entry<String, String> p : TestNode.properties(db).entrySet()) {
      if (!p.getKey().equals(BootstrapKey.PROPERTY)) {
        args.add("--" + p.getKey() + "=" + p.getValue());
      }
    }
    if (bootstrapKey != null) {
      args.add("--" + BootstrapKey.PROPERTY + "=" + bootstrapKey);
    }
    return new SpringApplicationBuilder(PayRelayApplication.class).run(args.toArray(String[]::new));
  }

  static WebTestClient client(ConfigurableApplicationContext node) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
  }
}
