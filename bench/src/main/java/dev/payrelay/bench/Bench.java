package dev.payrelay.bench;

import dev.payrelay.wallet.devchain.AnvilBinary;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Runs benchmarks and prints their figures as ratios against baselines measured in the same run.
 * The argument names the suite: {@code wallet} runs both wallet benchmarks on one anvil; {@code
 * wallet.proofs} or {@code wallet.watcher} runs one; {@code invoices} runs the invoice creation
 * benchmark against a node it starts; {@code p2p} the libp2p bulk transfer benchmark against plain
 * TCP and js-libp2p; {@code gossip} gossipsub messages per second, PayRelay against js-libp2p;
 * {@code settlement} proof-to-settlement latency and sustained proofs per second across a network
 * of settlement nodes, against the RPC node's verification rate; {@code aead} the Noise
 * ChaCha20-Poly1305, the project's own against the JDK's; {@code all} runs them all. Exits 0 when
 * every benchmark ran and checked its results, 1 otherwise; anvil, and the node with its PostgreSQL
 * and anvil, are stopped either way.
 */
public final class Bench {

  /** Default size of one p2p bulk transfer ({@code -Dbench.p2p.mib}), in MiB. */
  static final long P2P_TRANSFER_MIB = 128;

  /** Default messages per gossip round ({@code -Dbench.gossip.messages}). */
  static final int GOSSIP_MESSAGES = 5_000;

  private Bench() {}

  public static void main(String[] args) {
    String suite = args.length == 0 ? "all" : args[0].trim().toLowerCase(Locale.ROOT);
    boolean all = suite.equals("all");
    boolean proofs = all || suite.equals("wallet") || suite.equals("wallet.proofs");
    boolean watcher = all || suite.equals("wallet") || suite.equals("wallet.watcher");
    boolean invoices = all || suite.equals("invoices");
    boolean p2p = all || suite.equals("p2p");
    boolean gossip = all || suite.equals("gossip");
    boolean settlement = all || suite.equals("settlement");
    boolean aead = all || suite.equals("aead");
    if (!proofs && !watcher && !invoices && !p2p && !gossip && !settlement && !aead) {
      System.err.println(
          "bench: unknown suite '"
              + suite
              + "'; use all, wallet, wallet.proofs, wallet.watcher, invoices, p2p, gossip,"
              + " settlement or aead");
      System.exit(2);
    }
    int status = 0;
    try {
      run(
          BenchSettings.fromSystemProperties(),
          proofs,
          watcher,
          invoices,
          p2p,
          gossip,
          settlement,
          aead);
    } catch (Exception | Error e) {
      System.err.println("bench: failed: " + e);
      e.printStackTrace();
      status = 1;
    }
    // web3j's worker threads are not daemons and idle for a minute: do not wait for them.
    System.exit(status);
  }

  private static void run(
      BenchSettings settings,
      boolean proofs,
      boolean watcher,
      boolean invoices,
      boolean p2p,
      boolean gossip,
      boolean settlement,
      boolean aead)
      throws Exception {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Report report = new Report(System.out);
    report.header(
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(),
        load,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        settings.rounds());
    if (proofs || watcher) {
      Path log =
          Path.of(System.getProperty("user.dir"), "devchain")
              .resolve("anvil-bench-" + ProcessHandle.current().pid() + ".log");
      try (BenchChain chain = BenchChain.start(repoRoot(), log)) {
        report.wallet(chain.version());
        if (proofs) {
          report.proofs(new ProofThroughputBench(chain, settings).run());
        }
        if (watcher) {
          report.watcher(new WatcherCostBench(chain, settings).run());
        }
      }
    }
    if (invoices) {
      try (BenchNode node = BenchNode.start()) {
        InvoiceSettings sizes = InvoiceSettings.fromSystemProperties(settings);
        report.invoices(new InvoiceCreationBench(node, sizes).run());
      }
    }
    if (p2p) {
      long mib = Long.getLong("bench.p2p.mib", P2P_TRANSFER_MIB);
      report.p2pBulk(new P2pBulkBench(settings, mib << 20).run());
    }
    if (gossip) {
      int messages = Integer.getInteger("bench.gossip.messages", GOSSIP_MESSAGES);
      report.gossip(new GossipThroughputBench(settings, messages).run());
    }
    if (settlement) {
      Path log =
          Path.of(System.getProperty("user.dir"), "devchain")
              .resolve("anvil-settle-" + ProcessHandle.current().pid() + ".log");
      try (BenchChain chain = BenchChain.start(repoRoot(), log)) {
        SettleSettings sizes = SettleSettings.fromSystemProperties(settings);
        report.settlement(new SettlementBench(chain, sizes).run(Clock.systemUTC()));
      }
    }
    if (aead) {
      AeadBench.print(new AeadBench(settings).run(), System.out);
    }
    report.footer(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * The checkout's root, where {@link AnvilBinary} finds {@code tools/devchain}: the system
   * property {@code payrelay.root} (set by the build), else the nearest directory above the working
   * directory holding {@code tools/devchain/package.json}, else none.
   */
  static Path repoRoot() {
    String property = System.getProperty("payrelay.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tools/devchain/package.json"))) {
        return dir;
      }
    }
    return null;
  }
}
