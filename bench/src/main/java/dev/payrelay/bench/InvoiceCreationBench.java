package dev.payrelay.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.bench.ClosedLoop.Run;
import dev.payrelay.bench.CpuMeter.Part;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Invoices created per second by a real node over {@code POST /v1/invoices}, and their latency,
 * against the rate at which plain JDBC inserts the same rows into the same PostgreSQL ({@link
 * PlainInserts}), at each concurrency level, in the same rounds. Two cases: every invoice for one
 * store (a merchant's view: numbers are gap-free per store, so its creates serialise on the store
 * row until commit), and invoices spread over several stores.
 */
final class InvoiceCreationBench {

  /** One measured series: its rate, its latency quantiles, and its CPU per invoice by part. */
  record Series(
      Summary perSecond, Summary p50Millis, Summary p99Millis, Map<Part, Double> cpuMillis) {}

  /** The figures of one concurrency level. */
  record Level(
      int clients,
      Series baseline,
      Series oneStore,
      Series manyStores,
      Summary oneStoreRatio,
      Summary manyStoresRatio) {}

  /**
   * The figures of one run.
   *
   * @param warmUpJit the share of each warm-up pass's wall time the JIT spent compiling
   * @param timedJit the same share over the timed rounds
   */
  record Result(
      int perRound,
      int stores,
      String postgres,
      String nodePool,
      List<Double> warmUpJit,
      double timedJit,
      List<Level> levels) {}

  /**
   * Warm-up passes (each: every measurement at every level, as one round) continue until the JIT
   * compiles for less than this share of a pass's wall time, or {@link #MAX_WARM_UP_PASSES}. On 2
   * busy cores the compiler threads lag: with one pass, C2 was still compiling the request path a
   * minute in. Once warm, the JIT keeps compiling about 3-6% of the time here.
   */
  static final double QUIET_JIT = 0.05;

  static final int MAX_WARM_UP_PASSES = 8;

  /** The measurements of a level, in rotation order. */
  private static final int BASELINE = 0;

  private static final int ONE_STORE = 1;
  private static final int MANY_STORES = 2;

  private final BenchNode node;
  private final InvoiceSettings settings;
  private final InvoiceRequests requests;
  private final CpuMeter cpu;
  private final StoreLedger ledger;
  private final List<BenchStores.StoreKey> stores;
  private final UUID baselineStore;
  private final InvoiceTemplate template;

  InvoiceCreationBench(BenchNode node, InvoiceSettings settings) throws Exception {
    this.node = node;
    this.settings = settings;
    this.requests = new InvoiceRequests(node.baseUrl);
    this.cpu = new CpuMeter(node.postgresCluster());
    this.stores = BenchStores.make(node, settings.stores());
    String first = requests.create(stores.get(0).key());
    InvoiceRequests.check(first);
    UUID id = UUID.fromString(new ObjectMapper().readTree(first).get("id").asText());
    try (Connection c = node.connect()) {
      this.template = InvoiceTemplate.read(c, id);
      this.baselineStore = BenchStores.newStore(c, "Bench baseline");
    }
    this.ledger =
        new StoreLedger(node, stores.stream().map(BenchStores.StoreKey::storeId).toList());
    ledger.created(0, 1);
  }

  Result run() throws Exception {
    List<Level> levels = new ArrayList<>();
    try (ClosedLoop loop = new ClosedLoop(settings.maxClients());
        PlainInserts inserts =
            PlainInserts.open(node, template, baselineStore, settings.maxClients())) {
      List<ClosedLoop.Op> ops = ops(inserts);
      JitClock jit = new JitClock();
      List<Double> warmUpJit = warmUp(loop, ops, jit);
      ledger.check(inserts.inserted(), baselineStore);
      for (int clients : settings.clients()) {
        levels.add(level(loop, inserts, ops, clients));
      }
      return new Result(
          settings.perRound(),
          settings.stores(),
          postgres(),
          node.property("spring.r2dbc.pool.max-size"),
          warmUpJit,
          jit.share(),
          levels);
    }
  }

  /**
   * Passes of every measurement at every level until the JIT is quiet (see {@link #QUIET_JIT});
   * warms connections and pools too. Returns each pass's JIT share.
   */
  private List<Double> warmUp(ClosedLoop loop, List<ClosedLoop.Op> ops, JitClock jit)
      throws InterruptedException {
    List<Double> shares = new ArrayList<>();
    do {
      for (int clients : settings.clients()) {
        for (ClosedLoop.Op op : ops) {
          loop.run(clients, settings.perRound(), op);
        }
      }
      shares.add(jit.share());
    } while (shares.get(shares.size() - 1) >= QUIET_JIT && shares.size() < MAX_WARM_UP_PASSES);
    return shares;
  }

  /** The measurements, indexed by {@link #BASELINE}, {@link #ONE_STORE}, {@link #MANY_STORES}. */
  private List<ClosedLoop.Op> ops(PlainInserts inserts) {
    return List.of(
        inserts::insert, (client, i) -> create(0), (client, i) -> create(i % settings.stores()));
  }

  /** The timed rounds of one concurrency level, after every level's warm-up. */
  private Level level(ClosedLoop loop, PlainInserts inserts, List<ClosedLoop.Op> ops, int clients)
      throws Exception {
    int n = settings.perRound();
    List<List<Run>> runs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<Map<Part, Long>> used = List.of(zero(), zero(), zero());
    for (int r = 0; r < settings.rounds(); r++) {
      for (int k = 0; k < ops.size(); k++) {
        int which = (k + r) % ops.size(); // rotate the order against drift
        CpuMeter.Snapshot before = cpu.snapshot();
        Run run = loop.run(clients, n, ops.get(which));
        CpuMeter.used(before, cpu.snapshot())
            .forEach((p, v) -> used.get(which).merge(p, v, Long::sum));
        runs.get(which).add(run);
      }
      ledger.check(inserts.inserted(), baselineStore);
    }
    long timed = (long) n * settings.rounds();
    return new Level(
        clients,
        series(runs.get(BASELINE), used.get(BASELINE), timed),
        series(runs.get(ONE_STORE), used.get(ONE_STORE), timed),
        series(runs.get(MANY_STORES), used.get(MANY_STORES), timed),
        Summary.ofRatios(rates(runs.get(ONE_STORE)), rates(runs.get(BASELINE))),
        Summary.ofRatios(rates(runs.get(MANY_STORES)), rates(runs.get(BASELINE))));
  }

  /** Creates one invoice for the {@code store}-th store, and counts it. */
  private void create(int store) throws Exception {
    requests.create(stores.get(store).key());
    ledger.created(store, 1);
  }

  private static Series series(List<Run> runs, Map<Part, Long> used, long ops) {
    return new Series(
        Summary.of(rates(runs)),
        Summary.of(runs.stream().map(r -> r.latencyMillis(0.50)).toList()),
        Summary.of(runs.stream().map(r -> r.latencyMillis(0.99)).toList()),
        CpuMeter.millisPerOp(used, ops));
  }

  private static List<Double> rates(List<Run> runs) {
    return runs.stream().map(Run::perSecond).toList();
  }

  private static Map<Part, Long> zero() {
    Map<Part, Long> m = new EnumMap<>(Part.class);
    for (Part p : Part.values()) {
      m.put(p, 0L);
    }
    return m;
  }

  private String postgres() throws SQLException {
    try (Connection c = node.connect();
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT current_setting('server_version'), current_setting('synchronous_commit'),"
                    + " current_setting('fsync'), current_setting('shared_buffers')")) {
      rs.next();
      return "PostgreSQL "
          + rs.getString(1)
          + " (the node's embedded one: synchronous_commit="
          + rs.getString(2)
          + ", fsync="
          + rs.getString(3)
          + ", shared_buffers="
          + rs.getString(4)
          + ")";
    }
  }
}
