package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.Invoice;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Creates of one store that arrive together share statements ({@code persistence.InvoiceWriter}):
 * each invoice still gets its own lines, its own event with its own number, and one refused create
 * in a shared statement fails alone.
 */
class InvoiceBatchingTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  static InvoicingFixture fx;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceBatchingTest.class);
  }

  @Test
  void concurrentCreatesOfOneStoreShareTransactionsAndKeepTheirOwnRows() {
    UUID busy = fx.store(RECEIVING, null);
    int count = 60;

    List<Invoice> created =
        fx.createConcurrently(prices(count).stream().map(p -> usdc(busy, p)).toList());

    assertThat(created.stream().map(Invoice::number))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, count).mapToObj(n -> (long) n).toList());
    String mine = "store_id = '" + busy + "'";
    // Rows written by one statement share its transaction id.
    long transactions = fx.count("SELECT count(DISTINCT xmin::text) FROM invoices WHERE " + mine);
    assertThat(transactions).isLessThan(count);
    // Each line belongs to the invoice whose price it carries (the prices are all different).
    assertThat(
            fx.count(
                "SELECT count(*) FROM invoices i JOIN invoice_line_items l ON l.invoice_id = i.id"
                    + " WHERE l.position = 0 AND l.amount = i.subtotal AND i."
                    + mine))
        .isEqualTo(count);
    // Each invoice.created event names its own invoice's number, once.
    assertThat(
            fx.count(
                "SELECT count(*) FROM invoices i JOIN outbox o ON o.ordering_key = i.id::text"
                    + " AND o.event_type = 'invoice.created' AND o.payload->'invoice'->>'number'"
                    + " = 'INV-' || lpad(i.number::text, 6, '0') WHERE i."
                    + mine))
        .isEqualTo(count);
    assertThat(fx.count("SELECT count(*) FROM outbox WHERE " + mine)).isEqualTo(count);
  }

  @Test
  void concurrentCreatesOfSeveralStoresShareTransactionsAndEachStoreKeepsItsNumbers() {
    List<UUID> stores = IntStream.range(0, 5).mapToObj(i -> fx.store(RECEIVING, null)).toList();
    int perStore = 12;
    List<UUID> targets = new ArrayList<>();
    for (int i = 0; i < perStore; i++) {
      targets.addAll(stores); // interleaved, as busy merchants' requests arrive
    }

    List<Invoice> created =
        fx.createConcurrently(
            IntStream.range(0, targets.size())
                .mapToObj(i -> usdc(targets.get(i), "2." + (100 + i)))
                .toList());

    for (UUID store : stores) {
      assertThat(created.stream().filter(i -> i.storeId().equals(store)).map(Invoice::number))
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(1, perStore).mapToObj(n -> (long) n).toList());
    }
    String ours =
        "i.store_id IN ('"
            + String.join("', '", stores.stream().map(UUID::toString).toList())
            + "')";
    assertThat(fx.count("SELECT count(DISTINCT xmin::text) FROM invoices i WHERE " + ours))
        .isLessThan(targets.size());
    // Each event belongs to its invoice's store.
    assertThat(
            fx.count(
                "SELECT count(*) FROM invoices i JOIN outbox o ON o.ordering_key = i.id::text"
                    + " AND o.store_id = i.store_id AND o.payload->'invoice'->>'number'"
                    + " = 'INV-' || lpad(i.number::text, 6, '0') WHERE "
                    + ours))
        .isEqualTo(targets.size());
  }

  @Test
  void aStoreWhoseSettingsChangedIsRetriedWhileTheOthersInTheStatementAreWritten() {
    UUID changed = fx.store(RECEIVING, null);
    UUID steady = fx.store(RECEIVING, null);
    fx.invoices.create(usdc(changed, "1")).block(Duration.ofSeconds(10)); // settings now cached
    fx.invoices.create(usdc(steady, "1")).block(Duration.ofSeconds(10));
    fx.execute("UPDATE stores SET default_expiry_seconds = 600 WHERE id = '" + changed + "'");

    List<UUID> targets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      targets.add(steady);
      targets.add(changed);
    }
    List<Invoice> created =
        fx.createConcurrently(targets.stream().map(store -> usdc(store, "3")).toList());

    assertThat(created).hasSize(20);
    assertThat(created.stream().filter(i -> i.storeId().equals(changed)))
        .allSatisfy(
            i ->
                assertThat(Duration.between(i.createdAt(), i.expiresAt()))
                    .isEqualTo(Duration.ofMinutes(10)));
    assertThat(created.stream().filter(i -> i.storeId().equals(steady)))
        .allSatisfy(
            i ->
                assertThat(Duration.between(i.createdAt(), i.expiresAt()))
                    .isEqualTo(Duration.ofHours(1)));
    for (UUID store : List.of(changed, steady)) {
      assertThat(created.stream().filter(i -> i.storeId().equals(store)).map(Invoice::number))
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(2, 11).mapToObj(n -> (long) n).toList());
    }
  }

  @Test
  void aRefusedCreateSharingAStatementFailsAloneAndLeavesNoGap() throws Exception {
    UUID store = fx.store(RECEIVING, null);
    // The store's settings and secret are now known, so a create reaches the writer as soon as
    // it is subscribed, on this thread.
    assertThat(fx.invoices.create(usdc(store, "1")).block(WAIT).number()).isEqualTo(1);
    fx.execute(
        "CREATE FUNCTION refuse_price() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF"
            + " NEW.store_id = '"
            + store
            + "' AND NEW.subtotal = 7770000 THEN RAISE EXCEPTION 'price refused'; END IF;"
            + " RETURN NEW; END $$");
    fx.execute(
        "CREATE TRIGGER refuse_price BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION"
            + " refuse_price()");
    try (Connection holder = fx.db.connect()) {
      // Hold the store row, so that the first create's statement waits in PostgreSQL and every
      // create after it waits in the writer: they go together, the refused one among them.
      holder.setAutoCommit(false);
      try (Statement lock = holder.createStatement()) {
        lock.execute("SELECT 1 FROM stores WHERE id = '" + store + "' FOR UPDATE");
      }
      CompletableFuture<Object> first = outcome(usdc(store, "1.100"));
      awaitStatementsWaitingForALock(1);
      List<CompletableFuture<Object>> together = new ArrayList<>();
      for (String price : prices(19)) {
        together.add(outcome(usdc(store, price.replace("1.", "2."))));
      }
      together.add(outcome(usdc(store, "7.77")));
      holder.rollback();

      assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(2L);
      List<Object> outcomes = new ArrayList<>();
      for (CompletableFuture<Object> f : together) {
        outcomes.add(f.get(WAIT.toSeconds(), TimeUnit.SECONDS));
      }
      assertThat(outcomes.get(19)).asString().contains("price refused");
      assertThat(outcomes.subList(0, 19))
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(3, 21).mapToObj(n -> (Object) (long) n).toList());
      assertThat(fx.count("SELECT count(*) FROM invoices WHERE store_id = '" + store + "'"))
          .isEqualTo(21);
      assertThat(fx.count("SELECT count(*) FROM outbox WHERE store_id = '" + store + "'"))
          .isEqualTo(21);
      assertThat(fx.count("SELECT next_invoice_number FROM stores WHERE id = '" + store + "'"))
          .isEqualTo(22);
    } finally {
      fx.execute("DROP TRIGGER refuse_price ON invoices");
      fx.execute("DROP FUNCTION refuse_price()");
    }
  }

  /** Subscribes to a create now; its number, or its error's message. */
  private static CompletableFuture<Object> outcome(CreateInvoice request) {
    return fx.invoices
        .create(request)
        .<Object>map(Invoice::number)
        .onErrorResume(e -> Mono.just(String.valueOf(e.getMessage())))
        .toFuture();
  }

  /** Polls PostgreSQL (bounded) until {@code n} statements of this database wait for a lock. */
  private static void awaitStatementsWaitingForALock(int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (fx.count(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'")
        < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no create statement waited for the store row within " + WAIT);
      }
      Thread.sleep(10);
    }
  }

  /** {@code count} different unit prices: 1.100, 1.101, … USDC. */
  private static List<String> prices(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "1." + (100 + i))
        .collect(Collectors.toCollection(ArrayList::new));
  }
}
