package dev.payrelay.gateway.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.TestNode;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.settlement.identity.NodeKeyFile;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Three nodes as separate operating-system processes, one dev chain: the home node A is stopped,
 * the buyer's proof goes to C meanwhile, and A, started again, catches up through the sync protocol
 * and settles it; B shows the receipt with B's and C's attestations.
 */
class SettlementProcessesTest {
  /** The dev account that pays here, used by no other test class of this JVM. */
  static final DevAccount BUYER = DevAccount.derive(5);

  static NodeProcess a;
  static NodeProcess b;
  static NodeProcess c;
  static String idA;
  static String idB;
  static String idC;

  @BeforeAll
  static void startThreeProcesses() throws Exception {
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "processes-" + UUID.randomUUID());
    Path dirA = root.resolve("a");
    Path dirB = root.resolve("b");
    Path dirC = root.resolve("c");
    idA = NodeKeyFile.loadOrCreate(dirA).peerId().toString();
    idB = NodeKeyFile.loadOrCreate(dirB).peerId().toString();
    idC = NodeKeyFile.loadOrCreate(dirC).peerId().toString();
    // Ports are known before any node starts, so every node can name the others as bootstrap.
    a = new NodeProcess("a", TestDatabase.fresh("process_a"), dirA);
    b = new NodeProcess("b", TestDatabase.fresh("process_b"), dirB);
    c = new NodeProcess("c", TestDatabase.fresh("process_c"), dirC);
    a.bootstrap(b.multiaddr(idB), c.multiaddr(idC));
    b.bootstrap(a.multiaddr(idA));
    c.bootstrap(a.multiaddr(idA), b.multiaddr(idB));
    a.start();
    b.start();
    c.start();
    try (Connection connection = a.db.connect();
        PreparedStatement update =
            connection.prepareStatement("UPDATE stores SET xpub = ? WHERE is_default")) {
      update.setString(1, DevChainContracts.ACCOUNT_XPUB);
      update.executeUpdate();
    }
    await("A, B and C see each other", () -> peers(a) == 2 && peers(b) == 2 && peers(c) == 2);
  }

  @AfterAll
  static void stopProcesses() {
    for (NodeProcess node : new NodeProcess[] {c, b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void aProofSubmittedToCSettlesAtAAndBShowsTheReceiptAttestedByBAndC() throws Exception {
    Map<String, Object> invoice = createInvoice(a, "0.0005");
    String ref = (String) invoice.get("networkRef");
    Map<String, Object> proof = payAndProve(invoice);
    long started = System.nanoTime();

    assertThat(submit(c, proof)).containsEntry("outcome", "relayed");

    await(
        "A settles",
        () -> "PAID".equals(get(a, "/v1/invoices/" + invoice.get("id")).get("status")));
    System.out.println(
        "proof-to-settlement over 3 processes: "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    await("B holds the receipt attested by B and C", () -> attesters(b, ref).size() == 2);
    assertThat(attesters(b, ref)).containsExactlyInAnyOrder(idB, idC);
  }

  @Test
  void aHomeNodeThatWasDownCatchesUpWithAProofSubmittedMeanwhileAndSettlesIt() throws Exception {
    Map<String, Object> invoice = createInvoice(a, "0.0004");
    String id = (String) invoice.get("id");
    Map<String, Object> proof = payAndProve(invoice);

    a.stop();
    await("B and C notice A is gone", () -> peers(b) == 1 && peers(c) == 1);
    Map<String, Object> answer = submit(c, proof);
    assertThat(answer).containsEntry("outcome", "relayed");
    long restarted = System.nanoTime();
    a.start();

    await("A settles after catching up", () -> !attesters(a, idA + ":" + id).isEmpty());
    System.out.println(
        "home restart to receipt, over 3 processes: "
            + (System.nanoTime() - restarted) / 1_000_000
            + " ms");
    await(
        "B holds the receipt attested by B and C", () -> attesters(b, idA + ":" + id).size() == 2);
    assertThat(attesters(b, idA + ":" + id)).containsExactlyInAnyOrder(idB, idC);
    assertThat(get(a, "/v1/invoices/" + id)).containsEntry("status", "PAID");
  }

  /** An ETH invoice at {@code node}, payable to a deposit address. */
  private static Map<String, Object> createInvoice(NodeProcess node, String price) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("currency", Map.of("chainId", DevChain.shared().chainId(), "symbol", "ETH"));
    body.put(
        "lineItems", List.of(Map.of("description", "Tea", "quantity", "1", "unitPrice", price)));
    body.put("paymentMethods", List.of("deposit_address"));
    return node.http
        .post()
        .uri("/v1/invoices")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestNode.ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  /**
   * Pays the invoice's deposit address on chain; the proof, as {@code POST /v1/proofs} takes it.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> payAndProve(Map<String, Object> invoice) {
    Map<String, Object> option = ((List<Map<String, Object>>) invoice.get("paymentOptions")).get(0);
    String address = (String) option.get("address");
    String units = (String) ((Map<String, Object>) option.get("amount")).get("baseUnits");
    String tx = DevChain.shared().pay(BUYER, Address.parse(address), new BigInteger(units), "0x");
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("invoice", idA + ":" + invoice.get("id"));
    proof.put("chainId", DevChain.shared().chainId());
    proof.put("txHash", tx);
    proof.put("asset", "ETH");
    proof.put("amount", units);
    proof.put("route", Map.of("type", "deposit", "address", address));
    return proof;
  }

  private static Map<String, Object> submit(NodeProcess node, Map<String, Object> proof) {
    return node.http
        .post()
        .uri("/v1/proofs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(proof)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  private static Map<String, Object> get(NodeProcess node, String path) {
    return node.http
        .get()
        .uri(path)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestNode.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
        .returnResult()
        .getResponseBody();
  }

  /** Who attested the receipt {@code node} holds for {@code ref}; none if it holds none yet. */
  @SuppressWarnings("unchecked")
  private static List<String> attesters(NodeProcess node, String ref) {
    Map<String, Object> answer =
        node.http
            .get()
            .uri("/v1/receipts/" + ref)
            .exchange()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    if (answer == null || !answer.containsKey("attestations")) {
      return List.of();
    }
    return ((List<Map<String, Object>>) answer.get("attestations"))
        .stream().map(attestation -> (String) attestation.get("attester")).toList();
  }

  @SuppressWarnings("unchecked")
  private static int peers(NodeProcess node) {
    return ((List<Object>) get(node, "/v1/network").get("peers")).size();
  }

  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(200);
    }
  }
}
