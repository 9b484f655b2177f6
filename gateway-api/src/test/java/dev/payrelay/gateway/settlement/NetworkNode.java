package dev.payrelay.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.PayRelayApplication;
import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ContractValidation;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.settlement.network.SettlementNode;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.testing.DevChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole PayRelay node in this JVM for network tests: its own database, the shared dev chain (one
 * confirmation), the settlement network on a free loopback port, bootstrapped to the given peers;
 * its HTTP API through a client that validates every exchange against the contract.
 */
final class NetworkNode implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  final String name;
  final Database db;
  final ConfigurableApplicationContext context;
  final WebTestClient http;

  private NetworkNode(String name, Database db, ConfigurableApplicationContext context) {
    this.name = name;
    this.db = db;
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.http =
        ContractValidation.validating(
            WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(WAIT)
                .build());
  }

  /** Starts node {@code name} bootstrapped to {@code peers} (none: the first of a network). */
  static NetworkNode start(String name, Database db, NetworkNode... peers) throws SQLException {
    Map<String, String> properties = TestNode.properties(db);
    DevChain chain = DevChain.shared();
    properties.put("server.port", "0");
    properties.put("payrelay.chains[0].name", "devchain");
    properties.put("payrelay.chains[0].chain-id", Long.toString(chain.chainId()));
    properties.put("payrelay.chains[0].rpc-url", chain.rpcUrl().toString());
    properties.put("payrelay.chains[0].confirmations", "1");
    properties.put("payrelay.watch.poll-interval", "200ms");
    properties.put("payrelay.network.id", "testnet");
    properties.put("payrelay.network.retry-held-every", "500ms");
    for (int i = 0; i < peers.length; i++) {
      properties.put(
          "payrelay.network.bootstrap[" + i + "]",
          peers[i].settlement().listenAddresses().get(0).toString());
    }
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PayRelayApplication.class).run(args.toArray(String[]::new));
    NetworkNode node = new NetworkNode(name, db, context);
    node.update(
        "UPDATE stores SET xpub = ?, name = ? WHERE is_default AND xpub IS NULL",
        DevChainContracts.ACCOUNT_XPUB,
        "Shop " + name);
    return node;
  }

  static Database database(String name) {
    return TestDatabase.fresh("network_" + name);
  }

  SettlementNode settlement() {
    return context.getBean(SettlementNode.class);
  }

  String peerId() {
    return settlement().peerId().toString();
  }

  /** GETs {@code path} with the admin key; the JSON object of a 200. */
  Map<String, Object> get(String path) {
    return NetworkApi.get(http, path);
  }

  int update(String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
