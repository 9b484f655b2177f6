package dev.payrelay.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.settlement.NetworkApi.Paid;
import dev.payrelay.wallet.testing.DevAccount;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Three whole nodes in one JVM, over real libp2p on loopback and the shared dev chain: node A
 * issues an invoice, the buyer pays it on chain, the proof goes to node C's public API; A settles
 * it once, B and C attest, and every node's {@code GET /v1/receipts} shows it.
 */
class SettlementNetworkApiTest {
  /** The dev account that pays here, used by no other test class. */
  static final DevAccount BUYER = DevAccount.derive(9);

  static NetworkNode a;
  static NetworkNode b;
  static NetworkNode c;

  @BeforeAll
  static void startNetwork() throws Exception {
    a = NetworkNode.start("a", NetworkNode.database("a"));
    b = NetworkNode.start("b", NetworkNode.database("b"), a);
    c = NetworkNode.start("c", NetworkNode.database("c"), a, b);
    await("every node has 2 peers", () -> peers(a) == 2 && peers(b) == 2 && peers(c) == 2);
  }

  @AfterAll
  static void stopNetwork() {
    for (NetworkNode node : new NetworkNode[] {c, b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void aProofSubmittedAnywhereSettlesAtHomeOnceAndIsAttestedByTheOthers() throws Exception {
    Paid paid = payNewInvoice("0.0002");

    Map<String, Object> answer = submit(c, paid.proof(), 202);

    assertThat(answer).containsEntry("outcome", "relayed");
    await(
        "A settles the invoice",
        () -> "PAID".equals(a.get("/v1/invoices/" + paid.id()).get("status")));
    await("B holds the receipt attested by B and C", () -> attesters(b, paid.ref()).size() == 2);
    Map<String, Object> receipt = receiptOf(b, paid.ref());
    assertThat(receipt).containsEntry("acceptance", "verified_here");
    assertThat(attesters(b, paid.ref())).containsExactlyInAnyOrder(b.peerId(), c.peerId());
    assertThat(receiptOf(a, paid.ref())).containsEntry("acceptance", "issued_here");
    assertThat(a.count("SELECT count(*) FROM invoice_payments WHERE tx_hash = ?", paid.tx()))
        .isOne();

    // The same proof again, through every node: nothing changes, no second receipt.
    for (NetworkNode node : List.of(a, b, c)) {
      assertThat(submit(node, paid.proof(), 202))
          .as(node.name)
          .containsEntry("outcome", "duplicate");
    }
    assertThat(a.count("SELECT count(*) FROM invoice_payments WHERE tx_hash = ?", paid.tx()))
        .isOne();
    assertThat(
            a.count(
                "SELECT count(*) FROM settlement_messages WHERE kind = 'receipt' AND invoice_id = ?",
                java.util.UUID.fromString(paid.id())))
        .isOne();
  }

  @Test
  void aPaymentTheHomeNodeFoundOnItsOwnGetsAReceiptAttestedByTheOthers() throws Exception {
    Paid paid = payNewInvoice("0.0006");

    // No proof from anyone: A's chain watcher finds the payment, its outbox asks for the receipt.
    await("B holds the receipt attested by B and C", () -> attesters(b, paid.ref()).size() == 2);
    assertThat(a.get("/v1/invoices/" + paid.id())).containsEntry("status", "PAID");
    assertThat(receiptOf(c, paid.ref())).containsEntry("acceptance", "verified_here");
    // The buyer's receipt page on A names the nodes that confirmed it.
    await("A holds both attestations", () -> attesters(a, paid.ref()).size() == 2);
    String page =
        a.http
            .get()
            .uri(paid.payPath())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page)
        .contains("Confirmed independently by 2 nodes of the settlement network")
        .contains(b.peerId(), c.peerId());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProofForAnotherAmountIsRejectedWhereItIsSubmittedAndSettlesNothing() throws Exception {
    Paid paid = payNewInvoice("0.0003");
    Map<String, Object> forged = new LinkedHashMap<>(paid.proof());
    forged.put(
        "amount",
        new BigInteger((String) paid.proof().get("amount")).add(BigInteger.TEN).toString());

    Map<String, Object> problem = submit(c, forged, 422);

    assertThat(problem.get("type")).isEqualTo("urn:payrelay:problem:proof-rejected");
    // Died at the first hop: the true proof after it settles with the true amount, once.
    assertThat(submit(c, paid.proof(), 202)).containsEntry("outcome", "relayed");
    await("A issues the receipt", () -> !attesters(a, paid.ref()).isEmpty());
    Map<String, Object> receipt = (Map<String, Object>) receiptOf(a, paid.ref()).get("receipt");
    assertThat((List<Map<String, Object>>) receipt.get("transfers"))
        .singleElement()
        .satisfies(t -> assertThat(t).containsEntry("amount", paid.proof().get("amount")));
  }

  @Test
  void malformedProofsAreClearValidationErrors() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("invoice", "not-a-reference");
    body.put("chainId", 1337);
    body.put("txHash", "0x1234");
    body.put("asset", "DOGE");
    body.put("amount", "-5");
    body.put("route", Map.of("type", "teleport"));

    Map<String, Object> problem = submit(c, body, 400);

    assertThat(problem.get("type")).isEqualTo("urn:payrelay:problem:validation");
    assertThat(problem.get("errors").toString())
        .contains("invoice", "txHash", "asset", "amount", "route.type");
  }

  @Test
  void operatorsSeeTheirPeersAndAnUnknownReceiptIsNotFound() {
    Map<String, Object> network = a.get("/v1/network");

    assertThat(network).containsEntry("networkId", "testnet").containsEntry("peerId", a.peerId());
    assertThat(network.get("meshSizes").toString()).contains("/payrelay/testnet/proofs/1");
    c.http
        .get()
        .uri("/v1/receipts/" + a.peerId() + ":" + java.util.UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  @SuppressWarnings("unchecked")
  void operatorsDialPeersByMultiaddrAndBadAddressesAreClearErrors() {
    String bAddress = (String) ((List<Object>) b.get("/v1/network").get("listenAddresses")).get(0);

    Map<String, Object> dialed = dial(a, Map.of("address", bAddress), 201);

    assertThat(dialed).containsEntry("peerId", b.peerId());
    assertThat(dial(a, Map.of("address", "/ip4/127.0.0.1/tcp/1"), 400).toString())
        .contains("address", "/p2p/");
    assertThat(dial(a, Map.of("address", "not a multiaddr"), 400).get("type"))
        .isEqualTo("urn:payrelay:problem:validation");
    String nobody =
        "/ip4/127.0.0.1/tcp/1/p2p/"
            + dev.payrelay.settlement.identity.NodeIdentity.ephemeral().peerId();
    assertThat(dial(a, Map.of("address", nobody), 502).get("type"))
        .isEqualTo("urn:payrelay:problem:peer-unreachable");
  }

  private static Map<String, Object> dial(NetworkNode node, Map<String, Object> body, int status) {
    return node.http
        .post()
        .uri("/v1/network/peers")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestNode.ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  /** An ETH invoice at A paid in full to its deposit address: the proof of it. */
  private static Paid payNewInvoice(String price) {
    Paid paid = NetworkApi.pay(NetworkApi.createInvoice(a.http, price), BUYER);
    assertThat(paid.ref())
        .as("the invoice names itself in the network")
        .isEqualTo(a.peerId() + ":" + paid.id());
    return paid;
  }

  private static Map<String, Object> submit(
      NetworkNode node, Map<String, Object> proof, int status) {
    return NetworkApi.submit(node.http, proof, status);
  }

  private static Map<String, Object> receiptOf(NetworkNode node, String ref) {
    return node.get("/v1/receipts/" + ref);
  }

  private static List<String> attesters(NetworkNode node, String ref) {
    return NetworkApi.attesters(node.http, ref);
  }

  private static int peers(NetworkNode node) {
    return NetworkApi.peers(node.http);
  }

  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    NetworkApi.await(what, Duration.ofSeconds(30), condition);
  }
}
