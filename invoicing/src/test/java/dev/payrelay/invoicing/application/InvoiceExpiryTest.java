package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.wallet.payment.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The expiry job on a virtual clock, on one and on two instances, and the watches it ends. */
class InvoiceExpiryTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration LATE_WINDOW = WatchRules.DEFAULT_LATE_PAYMENT_WINDOW;
  static InvoicingFixture fx;
  static InvoiceExpiry expiry;
  static UUID store;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceExpiryTest.class);
    expiry = new InvoiceExpiry(fx.connections, fx.clock, fx.expectations, LATE_WINDOW);
    store = fx.store(RECEIVING, null);
  }

  /** Every invoice of earlier tests is long expired and its watch ended. */
  @BeforeEach
  void settleEarlierTests() {
    fx.clock.advance(Duration.ofDays(40));
    expiry.expireDue().block(WAIT);
  }

  @Test
  void anInvoiceIsExpiredByTheClockAtOnceAndPersistedOnceByTheJob() {
    Invoice invoice = fx.invoices.create(usdc(store, "2")).block(WAIT);
    fx.clock.advance(Duration.ofSeconds(3599));
    assertThat(expiry.expireDue().block(WAIT)).isZero();
    fx.clock.advance(Duration.ofSeconds(1));

    assertThat(status(invoice)).isEqualTo(InvoiceStatus.EXPIRED);
    assertThat(storedStatus(invoice)).isEqualTo("open");

    assertThat(expiry.expireDue().block(WAIT)).isEqualTo(1);
    assertThat(storedStatus(invoice)).isEqualTo("expired");
    assertThat(expiry.expireDue().block(WAIT)).isZero();
    assertThat(
            fx.strings(
                "SELECT event_type FROM outbox WHERE ordering_key = '"
                    + invoice.id()
                    + "' ORDER BY id"))
        .containsExactly("invoice.created", "invoice.expired");
  }

  @Test
  void twoInstancesRunningAtOnceExpireEachInvoiceOnce() {
    List<UUID> ids =
        Flux.range(0, 40)
            .concatMap(i -> fx.invoices.create(usdc(store, "1")))
            .map(Invoice::id)
            .collectList()
            .block(WAIT);
    InvoiceExpiry other = new InvoiceExpiry(fx.connections, fx.clock, fx.expectations, LATE_WINDOW);
    fx.clock.advance(Duration.ofHours(2));

    Integer total =
        Mono.zip(
                expiry.expireDue().subscribeOn(Schedulers.parallel()),
                other.expireDue().subscribeOn(Schedulers.parallel()))
            .map(t -> t.getT1() + t.getT2())
            .block(WAIT);

    assertThat(total).isEqualTo(40);
    assertThat(
            fx.count(
                "SELECT count(*) FROM outbox WHERE event_type = 'invoice.expired'"
                    + " AND ordering_key IN ("
                    + String.join(",", ids.stream().map(id -> "'" + id + "'").toList())
                    + ")"))
        .isEqualTo(40);
  }

  @Test
  void anExpiredInvoiceIsWatchedForTheLatePaymentWindowThenNoMore() {
    Invoice invoice = fx.invoices.create(usdc(store, "2")).block(WAIT);
    String key = invoice.id().toString();
    WatchedInvoices watched = new WatchedInvoices(fx.connections, fx.clock, LATE_WINDOW);
    fx.clock.advance(Duration.ofHours(2));
    expiry.expireDue().block(WAIT);

    assertThat(fx.expectations.isOpen(key)).isTrue();
    assertThat(keys(watched)).contains(key);

    fx.clock.advance(LATE_WINDOW);
    expiry.expireDue().block(WAIT);

    assertThat(fx.expectations.isOpen(key)).isFalse();
    assertThat(keys(watched)).doesNotContain(key);
  }

  @Test
  void theStartUpLoadHasTheOpenInvoicesAndNotTheVoidOnes() {
    Invoice open = fx.invoices.create(usdc(store, "2")).block(WAIT);
    Invoice voided = fx.invoices.create(usdc(store, "2")).block(WAIT);
    fx.invoices.voidInvoice(store, voided.id()).block(WAIT);

    List<Expectation> loaded =
        new WatchedInvoices(fx.connections, fx.clock, LATE_WINDOW)
            .openExpectations()
            .collectList()
            .block(WAIT);

    assertThat(loaded).containsAll(fx.expectations.of(open.id().toString()));
    assertThat(loaded).extracting(Expectation::invoiceKey).doesNotContain(voided.id().toString());
    assertThat(loaded).extracting(Expectation::invoiceKey).containsOnlyOnce(open.id().toString());
  }

  private static List<String> keys(WatchedInvoices watched) {
    return watched.openExpectations().map(Expectation::invoiceKey).collectList().block(WAIT);
  }

  private static InvoiceStatus status(Invoice invoice) {
    return fx.invoices.get(store, invoice.id()).block(WAIT).evaluation().status();
  }

  private static String storedStatus(Invoice invoice) {
    return fx.strings("SELECT status FROM invoices WHERE id = '" + invoice.id() + "'").get(0);
  }
}
