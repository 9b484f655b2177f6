package dev.payrelay.gateway.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.testing.DevChain;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the checkout tests share: a node on a test database and the anvil dev chain (PayRelay's
 * proxy deployed, USDC accepted, one confirmation), the default store able to take both payment
 * methods, invoices created through the real API, and plain JDBC to look behind it.
 */
final class CheckoutNode {

  static final String USDC = "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48";

  private CheckoutNode() {}

  /** The node's properties for {@code db}, with pay links under {@code publicBaseUrl}. */
  static void register(DynamicPropertyRegistry registry, Database db, String name) {
    TestNode.register(registry, db);
    DevChain chain = DevChain.shared();
    registry.add("payrelay.chains[0].name", () -> "devchain");
    registry.add("payrelay.chains[0].chain-id", chain::chainId);
    registry.add("payrelay.chains[0].rpc-url", () -> chain.rpcUrl().toString());
    registry.add("payrelay.chains[0].confirmations", () -> 1);
    registry.add("payrelay.chains[0].tokens[0].symbol", () -> "USDC");
    registry.add("payrelay.chains[0].tokens[0].address", () -> USDC);
    registry.add("payrelay.chains[0].tokens[0].decimals", () -> 6);
    registry.add("payrelay.chains[0].payment-proxies[0]", () -> proxy(name));
    registry.add("payrelay.watch.poll-interval", () -> "200ms");
    registry.add("payrelay.checkout.status-poll-interval", () -> "300ms");
    registry.add("payrelay.checkout.explorers.1337", () -> "https://explorer.example/");
  }

  /** The default store gets a receiving address and the dev mnemonic's xpub (once). */
  static void storeTakesBothMethods(Database db) throws SQLException {
    update(
        db,
        "UPDATE stores SET receiving_address = ?, xpub = ?, name = ? WHERE is_default AND xpub IS"
            + " NULL",
        DevChainContracts.MERCHANT_ADDRESS.toLowerHex(),
        DevChainContracts.ACCOUNT_XPUB,
        "Corner Café");
  }

  private static synchronized String proxy(String name) {
    DevChain chain = DevChain.shared();
    Path record = Path.of(System.getProperty("java.io.tmpdir"), name + "-proxy.txt");
    return DevChainContracts.ensurePaymentProxy(chain.rpcUrl(), ChainId.of(chain.chainId()), record)
        .toChecksumString();
  }

  /** An invoice body in {@code symbol} on the dev chain, paid by {@code methods}. */
  static Map<String, Object> invoice(
      String symbol, List<String> methods, Map<String, Object> line) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("currency", Map.of("chainId", DevChain.shared().chainId(), "symbol", symbol));
    body.put("lineItems", new ArrayList<>(List.of(line)));
    body.put("paymentMethods", methods);
    return body;
  }

  /** POSTs {@code body} to {@code /v1/invoices} with the admin key; expects 201. */
  static Map<String, Object> create(WebTestClient http, Map<String, Object> body) {
    EntityExchangeResult<Map<String, Object>> result =
        http.post()
            .uri("/v1/invoices")
            .headers(h -> h.setBearerAuth(TestNode.ADMIN_KEY))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult();
    assertThat(result.getStatus().value()).as("%s", result.getResponseBody()).isEqualTo(201);
    return result.getResponseBody();
  }

  /** The path of the invoice's pay link, {@code /pay/<token>}. */
  @SuppressWarnings("unchecked")
  static String payPath(Map<String, Object> invoice) {
    String url = (String) ((Map<String, Object>) invoice.get("payLink")).get("url");
    return java.net.URI.create(url).getPath();
  }

  static UUID id(Map<String, Object> invoice) {
    return UUID.fromString((String) invoice.get("id"));
  }

  /** Records a confirmed payment of {@code baseUnits} as the chain watcher would. */
  static String pay(Database db, UUID invoice, long baseUnits) throws SQLException {
    String hash = "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    update(
        db,
        "INSERT INTO invoice_payments (chain_id, tx_hash, log_index, invoice_id, amount, state,"
            + " block_number, block_hash, confirmations, first_seen_at, updated_at)"
            + " VALUES (1337, ?, 0, ?, ?, 'confirmed', 40, ?, 3, now(), now())",
        hash,
        invoice,
        baseUnits,
        hash);
    return hash;
  }

  static int update(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    }
  }

  /** The first column of the first row of {@code sql}, as text. */
  static String text(Database db, String sql, Object... parameters) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("a row of %s", sql).isTrue();
        return rs.getString(1);
      }
    }
  }
}
