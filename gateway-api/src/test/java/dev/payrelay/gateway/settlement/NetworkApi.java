package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the network tests do through a node's HTTP API, whether the node runs in this JVM or in a
 * process of its own: invoices paid on the dev chain, proofs as {@code POST /v1/proofs} takes them,
 * receipts and peers as the node shows them.
 */
final class NetworkApi {
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private NetworkApi() {}

  /** An invoice paid on chain, the proof of it, and the path of its pay page. */
  record Paid(String id, String ref, String tx, Map<String, Object> proof, String payPath) {}

  /** An ETH invoice at the node of {@code http}, payable to a deposit address. */
  static Map<String, Object> createInvoice(WebTestClient http, String price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("currency", Map.of("chainId", DevChain.shared().chainId(), "symbol", "ETH"));
    body.put(
        "lineItems", List.of(Map.of("description", "Tea", "quantity", "1", "unitPrice", price)));
    body.put("paymentMethods", List.of("deposit_address"));
    return http.post()
        .uri("/v1/invoices")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestNode.ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(JSON)
        .returnResult()
        .getResponseBody();
  }

  /** {@code buyer} pays the invoice's deposit address its total on chain: the proof of it. */
  @SuppressWarnings("unchecked")
  static Paid pay(Map<String, Object> invoice, DevAccount buyer) {
    Map<String, Object> option = ((List<Map<String, Object>>) invoice.get("paymentOptions")).get(0);
    String address = (String) option.get("address");
    String units = (String) ((Map<String, Object>) option.get("amount")).get("baseUnits");
    String tx = DevChain.shared().pay(buyer, Address.parse(address), new BigInteger(units), "0x");
    String ref = (String) invoice.get("networkRef");
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("invoice", ref);
    proof.put("chainId", DevChain.shared().chainId());
    proof.put("txHash", tx);
    proof.put("asset", "ETH");
    proof.put("amount", units);
    proof.put("route", Map.of("type", "deposit", "address", address));
    String payLink = (String) ((Map<String, Object>) invoice.get("payLink")).get("url");
    return new Paid(
        (String) invoice.get("id"), ref, tx, proof, java.net.URI.create(payLink).getPath());
  }

  /** POSTs {@code proof} to {@code /v1/proofs}; expects {@code status}; the JSON answer. */
  static Map<String, Object> submit(WebTestClient http, Map<String, Object> proof, int status) {
    return http.post()
        .uri("/v1/proofs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(proof)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(JSON)
        .returnResult()
        .getResponseBody();
  }

  /** GETs {@code path} with the admin key; the JSON object of a 200. */
  static Map<String, Object> get(WebTestClient http, String path) {
    return http.get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestNode.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JSON)
        .returnResult()
        .getResponseBody();
  }

  /** Who attested the receipt the node holds for {@code ref}; none if it holds none yet. */
  @SuppressWarnings("unchecked")
  static List<String> attesters(WebTestClient http, String ref) {
    Map<String, Object> answer =
        http.get()
            .uri("/v1/receipts/" + ref)
            .exchange()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
    if (answer == null || !answer.containsKey("attestations")) {
      return List.of();
    }
    return ((List<Map<String, Object>>) answer.get("attestations"))
        .stream().map(attestation -> (String) attestation.get("attester")).toList();
  }

  /** How many peers the node is connected to. */
  @SuppressWarnings("unchecked")
  static int peers(WebTestClient http) {
    return ((List<Object>) get(http, "/v1/network").get("peers")).size();
  }

  /**
   * Polls {@code condition} every 100 ms until it holds; fails naming {@code what} after {@code
   * within}.
   */
  static void await(String what, Duration within, Supplier<Boolean> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
      }
      Thread.sleep(100);
    }
  }
}
