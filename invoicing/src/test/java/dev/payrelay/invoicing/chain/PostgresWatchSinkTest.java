package dev.payrelay.invoicing.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.invoicing.testing.TestDatabase;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.contract.Eip1559Sender;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.testing.DevChain;
import dev.payrelay.wallet.watch.ChainWatcher;
import dev.payrelay.wallet.watch.ExpectationIndex;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchConfig;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The chain watcher over a real PostgreSQL and a real dev chain: observations and the cursor are
 * stored together, a restarted watcher resumes from the stored cursor, and nothing is recorded
 * twice.
 */
class PostgresWatchSinkTest {

  static final Database db = TestDatabase.fresh(PostgresWatchSinkTest.class);
  static final DevChain chain = DevChain.shared();
  static final ChainId CHAIN_ID = ChainId.of(chain.chainId());
  static ConnectionFactory connections;

  @BeforeAll
  static void migrate() {
    db.migrate();
    connections =
        ConnectionFactories.get(
            ConnectionFactoryOptions.parse(db.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, db.username())
                .option(ConnectionFactoryOptions.PASSWORD, db.password())
                .build());
  }

  @Test
  void aRestartedWatcherResumesFromTheStoredCursorAndRecordsEachObservationOnce() throws Exception {
    Address deposit = randomAddress();
    ExpectationIndex index = new ExpectationIndex(CHAIN_ID);
    index.add(
        new Expectation(
            "inv-restart", Asset.ether(CHAIN_ID), new PaymentRoute.ToDepositAddress(deposit)));
    PostgresWatchSink sink = new PostgresWatchSink(connections, ObservationApplier.NONE);
    long start = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();

    ChainWatcher first = watcher(index, sink, start);
    first.start();
    String tx = pay(deposit, BigInteger.valueOf(1_000_000_000_000L));
    awaitKinds("inv-restart", Map.of("seen", 1L));
    first.stop();

    chain.mine(5);
    ChainWatcher second = watcher(index, sink, start);
    second.start();
    try {
      awaitKinds("inv-restart", Map.of("seen", 1L, "confirmed", 1L, "finalized", 1L));
    } finally {
      second.stop();
    }

    assertThat(kinds("inv-restart"))
        .as("each observation of %s recorded once across the restart", tx)
        .containsExactlyInAnyOrderEntriesOf(Map.of("seen", 1L, "confirmed", 1L, "finalized", 1L));
    assertThat(storedCheckpoint()).isGreaterThan(start);
  }

  @Test
  void aBatchWhoseApplierFailsLeavesNeitherObservationsNorCursor() throws Exception {
    PostgresWatchSink failing =
        new PostgresWatchSink(
            connections, (batch, client) -> Mono.error(new IllegalStateException("boom")));
    PostgresWatchSink reader = new PostgresWatchSink(connections, ObservationApplier.NONE);
    ChainId other = ChainId.of(999_001);
    WatchBatch batch =
        new WatchBatch(
            other,
            List.of(),
            dev.payrelay.wallet.watch.WatchCursor.at(
                new dev.payrelay.wallet.watch.Checkpoint(7, "0x" + "ab".repeat(32))));

    assertThatThrownBy(() -> failing.accept(batch).block(Duration.ofSeconds(10)))
        .hasMessageContaining("boom");
    assertThat(reader.loadCursor(other).block(Duration.ofSeconds(10))).isEmpty();

    reader.accept(batch).block(Duration.ofSeconds(10));
    assertThat(reader.loadCursor(other).block(Duration.ofSeconds(10)))
        .get()
        .extracting(c -> c.checkpoint().number())
        .isEqualTo(7L);
  }

  private ChainWatcher watcher(ExpectationIndex index, PostgresWatchSink sink, long start) {
    ChainConfig config =
        new ChainConfig(
            CHAIN_ID, "devchain", chain.rpcUrl(), 2, Asset.ether(CHAIN_ID), List.of(), List.of());
    Web3jEthRpc rpc = Web3jEthRpc.create(RpcSettings.of(chain.rpcUrl().toString(), CHAIN_ID));
    return new ChainWatcher(
        rpc,
        index,
        sink,
        WatchConfig.of(config).withPollInterval(Duration.ofMillis(100)).withStartBlock(start));
  }

  private static String pay(Address to, BigInteger wei) {
    Eip1559Sender sender =
        new Eip1559Sender(chain.web3j(), DevAccount.derive(9).credentials(), CHAIN_ID);
    return sender.send(to, wei, "0x").getTransactionHash();
  }

  private static Address randomAddress() {
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return Address.of(bytes);
  }

  /**
   * Waits (bounded) until the journal holds at least these observation counts, mining as needed.
   */
  private static void awaitKinds(String invoice, Map<String, Long> expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Map<String, Long> now = kinds(invoice);
      if (expected.entrySet().stream()
          .allMatch(e -> now.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + expected + " for " + invoice + ", have " + now);
      }
      chain.mine(1);
      Thread.sleep(100);
    }
  }

  private static Map<String, Long> kinds(String invoice) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT kind, count(*) FROM chain_observations WHERE invoice_key = '"
                    + invoice
                    + "' GROUP BY kind")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  private static long storedCheckpoint() throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT block_number FROM chain_watch_cursors WHERE chain_id = "
                    + CHAIN_ID.value())) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
