package dev.payrelay.gateway.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ValidatesContract;
import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.testing.DevChain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real node for the invoice API tests (one context, shared by them): real HTTP, a real
 * PostgreSQL, the anvil dev chain with PayRelay's payment proxy deployed and USDC (6 decimals)
 * accepted, the default store able to take both payment methods. Every exchange of {@link #http} is
 * validated against openapi/openapi.yaml.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ValidatesContract
abstract class InvoiceNode {

  static final Database db = TestDatabase.fresh("InvoiceApi");
  static final String ADMIN = TestNode.ADMIN_KEY;
  static final String PUBLIC_BASE_URL = "https://pay.example.com";
  static final Address USDC = Address.parse("0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
  static final Address MERCHANT = DevChainContracts.MERCHANT_ADDRESS;

  private static Address proxy;

  @DynamicPropertySource
  static void node(DynamicPropertyRegistry registry) {
    TestNode.register(registry, db);
    registry.add("payrelay.node.public-base-url", () -> PUBLIC_BASE_URL);
    registry.add("payrelay.chains[0].name", () -> "devchain");
    registry.add("payrelay.chains[0].chain-id", () -> DevChain.shared().chainId());
    registry.add("payrelay.chains[0].rpc-url", () -> DevChain.shared().rpcUrl().toString());
    registry.add("payrelay.chains[0].confirmations", () -> 3);
    registry.add("payrelay.chains[0].tokens[0].symbol", () -> "USDC");
    registry.add("payrelay.chains[0].tokens[0].address", USDC::toLowerHex);
    registry.add("payrelay.chains[0].tokens[0].decimals", () -> 6);
    registry.add("payrelay.chains[0].payment-proxies[0]", () -> proxy().toChecksumString());
  }

  /** PayRelay's payment proxy on the dev chain, deployed on first use. */
  static synchronized Address proxy() {
    if (proxy == null) {
      DevChain chain = DevChain.shared();
      Path record = Path.of(System.getProperty("java.io.tmpdir"), "invoice-api-proxy.txt");
      proxy =
          DevChainContracts.ensurePaymentProxy(chain.rpcUrl(), ChainId.of(chain.chainId()), record);
    }
    return proxy;
  }

  /** Answers can be large: a page of 100 invoices of 100 lines each is a few megabytes. */
  static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

  WebTestClient http;

  @Autowired
  void client(WebTestClient client) {
    http = client.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES)).build();
  }

  /** The default store gets a receiving address and the dev mnemonic's xpub (once). */
  @BeforeEach
  void defaultStoreCanTakeBothMethods() throws Exception {
    Sql.update(
        db,
        "UPDATE stores SET receiving_address = ?, xpub = ? WHERE is_default AND xpub IS NULL",
        MERCHANT.toLowerHex(),
        DevChainContracts.ACCOUNT_XPUB);
  }

  /** POSTs {@code body} (a JSON string, or an object to encode) to {@code /v1/invoices}. */
  WebTestClient.ResponseSpec post(String key, String idempotencyKey, Object body) {
    WebTestClient.RequestBodySpec request =
        http.post()
            .uri("/v1/invoices")
            .headers(h -> bearer(h, key))
            .contentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      request = request.header(Idempotency.HEADER, idempotencyKey);
    }
    return request.bodyValue(body).exchange();
  }

  /** Creates an invoice with the admin key: expects 201, returns the invoice. */
  Map<String, Object> create(Object body) {
    return created(post(ADMIN, null, body));
  }

  /** Expects 201 (else fails with the answer's body); returns the invoice. */
  static Map<String, Object> created(WebTestClient.ResponseSpec response) {
    return created(response, "");
  }

  static Map<String, Object> created(WebTestClient.ResponseSpec response, String why) {
    EntityExchangeResult<Map<String, Object>> result =
        response
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult();
    assertThat(result.getStatus().value())
        .as("%s %s", why, result.getResponseBody())
        .isEqualTo(201);
    return result.getResponseBody();
  }

  WebTestClient.ResponseSpec get(String key, String path) {
    return http.get().uri(path).headers(h -> bearer(h, key)).exchange();
  }

  WebTestClient.ResponseSpec voidIt(String key, String invoiceId, String idempotencyKey) {
    return http.post()
        .uri("/v1/invoices/{id}/void", invoiceId)
        .headers(h -> bearer(h, key))
        .headers(
            h -> {
              if (idempotencyKey != null) {
                h.set(Idempotency.HEADER, idempotencyKey);
              }
            })
        .exchange();
  }

  /** Expects a problem of type {@code slug} with status {@code status}; returns its body. */
  static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status, String slug) {
    Map<String, Object> problem =
        json(
            response
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(problem).containsEntry("type", "urn:payrelay:problem:" + slug);
    return problem;
  }

  static Map<String, Object> json(WebTestClient.ResponseSpec response) {
    return response
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  private static void bearer(HttpHeaders headers, String key) {
    if (key != null) {
      headers.setBearerAuth(key);
    }
  }
}
