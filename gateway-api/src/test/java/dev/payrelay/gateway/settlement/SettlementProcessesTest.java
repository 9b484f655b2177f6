package dev.payrelay.gateway.settlement;

import static dev.payrelay.gateway.settlement.NetworkApi.attesters;
import static dev.payrelay.gateway.settlement.NetworkApi.createInvoice;
import static dev.payrelay.gateway.settlement.NetworkApi.get;
import static dev.payrelay.gateway.settlement.NetworkApi.pay;
import static dev.payrelay.gateway.settlement.NetworkApi.peers;
import static dev.payrelay.gateway.settlement.NetworkApi.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.settlement.identity.NodeKeyFile;
import dev.payrelay.wallet.devchain.DevChainContracts;
import dev.payrelay.wallet.testing.DevAccount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    await(
        "A, B and C see each other",
        () -> peers(a.http) == 2 && peers(b.http) == 2 && peers(c.http) == 2);
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
    Map<String, Object> invoice = createInvoice(a.http, "0.0005");
    String ref = (String) invoice.get("networkRef");
    Map<String, Object> proof = pay(invoice, BUYER).proof();
    long started = System.nanoTime();

    assertThat(submit(c.http, proof, 202)).containsEntry("outcome", "relayed");

    await(
        "A settles",
        () -> "PAID".equals(get(a.http, "/v1/invoices/" + invoice.get("id")).get("status")));
    System.out.println(
        "proof-to-settlement over 3 processes: "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    await("B holds the receipt attested by B and C", () -> attesters(b.http, ref).size() == 2);
    assertThat(attesters(b.http, ref)).containsExactlyInAnyOrder(idB, idC);
  }

  @Test
  void aHomeNodeThatWasDownCatchesUpWithAProofSubmittedMeanwhileAndSettlesIt() throws Exception {
    Map<String, Object> invoice = createInvoice(a.http, "0.0004");
    String id = (String) invoice.get("id");
    Map<String, Object> proof = pay(invoice, BUYER).proof();

    a.stop();
    await("B and C notice A is gone", () -> peers(b.http) == 1 && peers(c.http) == 1);
    Map<String, Object> answer = submit(c.http, proof, 202);
    assertThat(answer).containsEntry("outcome", "relayed");
    long restarted = System.nanoTime();
    a.start();

    await("A settles after catching up", () -> !attesters(a.http, idA + ":" + id).isEmpty());
    System.out.println(
        "home restart to receipt, over 3 processes: "
            + (System.nanoTime() - restarted) / 1_000_000
            + " ms");
    await(
        "B holds the receipt attested by B and C",
        () -> attesters(b.http, idA + ":" + id).size() == 2);
    assertThat(attesters(b.http, idA + ":" + id)).containsExactlyInAnyOrder(idB, idC);
    assertThat(get(a.http, "/v1/invoices/" + id)).containsEntry("status", "PAID");
  }

  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    NetworkApi.await(what, Duration.ofSeconds(60), condition);
  }
}
