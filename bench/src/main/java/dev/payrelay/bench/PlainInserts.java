package dev.payrelay.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline: copies of an invoice's rows ({@link InvoiceTemplate}) inserted into the node's own
 * tables over plain JDBC, one transaction per invoice: the invoice row, its line items in one
 * batch, its outbox row, commit. Each copy gets its own id, number, pay token, payment reference
 * and timestamps, so every constraint and index sees a new invoice; nothing else is done (no store
 * row lock, no authentication, no HTTP). The copies belong to a store of their own. Each client has
 * its own connection and prepared statements.
 */
final class PlainInserts implements AutoCloseable {

  private static final HexFormat HEX = HexFormat.of();

  private final InvoiceTemplate template;
  private final UUID store;
  private final Duration validity;
  private final AtomicLong numbers = new AtomicLong();
  private final List<Client> clients = new ArrayList<>();

  /** One client's connection and statements. */
  private record Client(
      Connection c, PreparedStatement invoice, PreparedStatement line, PreparedStatement outbox) {}

  private PlainInserts(InvoiceTemplate template, UUID store) {
    this.template = template;
    this.store = store;
    OffsetDateTime created = (OffsetDateTime) template.invoice().get("created_at");
    OffsetDateTime expires = (OffsetDateTime) template.invoice().get("expires_at");
    this.validity = Duration.between(created, expires);
  }

  /**
   * Opens {@code concurrency} connections to the node's database, for copies of {@code template}.
   */
  static PlainInserts open(BenchNode node, InvoiceTemplate template, UUID store, int concurrency)
      throws SQLException {
    PlainInserts inserts = new PlainInserts(template, store);
    try {
      for (int i = 0; i < concurrency; i++) {
        Connection c = node.connect();
        c.setAutoCommit(false);
        inserts.clients.add(
            new Client(
                c,
                c.prepareStatement(insert("invoices", template.invoice().keySet())),
                c.prepareStatement(insert("invoice_line_items", template.lines().get(0).keySet())),
                c.prepareStatement(insert("outbox", template.outbox().keySet()))));
      }
      return inserts;
    } catch (SQLException | RuntimeException e) {
      inserts.close();
      throw e;
    }
  }

  /** Inserts one invoice's rows in one transaction on client {@code client}'s connection. */
  void insert(int client, int i) throws SQLException {
    Client k = clients.get(client);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Map<String, Object> fresh =
        Map.of(
            "id",
            id,
            "store_id",
            store,
            "number",
            numbers.incrementAndGet(),
            "pay_token",
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, 24)),
            "payment_reference",
            "0x" + HEX.formatHex(bytes(random, 16)),
            "reference_topic",
            "0x" + HEX.formatHex(bytes(random, 32)),
            "created_at",
            now,
            "updated_at",
            now,
            "expires_at",
            now.plus(validity));
    try {
      bind(k.invoice(), template.invoice(), fresh);
      k.invoice().executeUpdate();
      for (Map<String, Object> line : template.lines()) {
        bind(k.line(), line, Map.of("invoice_id", id));
        k.line().addBatch();
      }
      k.line().executeBatch();
      bind(k.outbox(), template.outbox(), Map.of("store_id", store, "ordering_key", id.toString()));
      k.outbox().executeUpdate();
      k.c().commit();
    } catch (SQLException | RuntimeException e) {
      k.c().rollback();
      throw e;
    }
  }

  /** Invoices inserted so far. */
  long inserted() {
    return numbers.get();
  }

  private static void bind(PreparedStatement s, Map<String, Object> row, Map<String, Object> fresh)
      throws SQLException {
    int i = 1;
    for (Map.Entry<String, Object> column : row.entrySet()) {
      s.setObject(i++, fresh.getOrDefault(column.getKey(), column.getValue()));
    }
  }

  private static String insert(String table, Iterable<String> columns) {
    List<String> names = new ArrayList<>();
    columns.forEach(names::add);
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", names)
        + ") VALUES ("
        + String.join(", ", names.stream().map(n -> "?").toList())
        + ")";
  }

  private static byte[] bytes(ThreadLocalRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    for (Client k : clients) {
      try {
        k.c().close();
      } catch (SQLException e) {
        // closing after the measurement; nothing to keep
      }
    }
  }
}
