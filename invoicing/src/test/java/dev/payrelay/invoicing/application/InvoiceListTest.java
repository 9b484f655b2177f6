package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing a store's invoices: filters, and stable cursor pages while invoices keep coming. */
class InvoiceListTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static InvoicingFixture fx;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceListTest.class);
  }

  @Test
  void filtersByCurrentStatusOrderIdAndCreationTime() {
    UUID store = fx.store(RECEIVING, null);
    Instant t0 = fx.clock.instant();
    Invoice shortLived = create(store, "order-1", 60);
    fx.clock.advance(Duration.ofSeconds(10));
    Invoice second = create(store, "order-2", 3600);
    fx.clock.advance(Duration.ofSeconds(10));
    Invoice third = create(store, "order-2", 3600);
    fx.invoices.voidInvoice(store, third.id()).block(WAIT);
    fx.clock.advance(Duration.ofSeconds(60));

    // The first expired by the clock alone: nothing persisted it yet.
    assertThat(ids(store, query(InvoiceStatus.EXPIRED))).containsExactly(shortLived.id());
    assertThat(ids(store, query(InvoiceStatus.OPEN))).containsExactly(second.id());
    assertThat(ids(store, query(InvoiceStatus.VOID))).containsExactly(third.id());
    assertThat(page(store, query(InvoiceStatus.EXPIRED)).data())
        .singleElement()
        .extracting(i -> i.evaluation().status())
        .isEqualTo(InvoiceStatus.EXPIRED);
    assertThat(
            ids(
                store,
                new InvoiceQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("order-2"),
                    10,
                    Optional.empty())))
        .containsExactly(third.id(), second.id());
    assertThat(
            ids(
                store,
                new InvoiceQuery(
                    Optional.empty(),
                    Optional.of(t0.plusSeconds(10)),
                    Optional.of(t0.plusSeconds(20)),
                    Optional.empty(),
                    10,
                    Optional.empty())))
        .containsExactly(second.id());
    assertThat(ids(fx.store(RECEIVING, null), query(null))).isEmpty();
  }

  @Test
  void pagesNeitherRepeatNorSkipWhileInvoicesAreCreated() {
    UUID store = fx.store(RECEIVING, null);
    Set<UUID> existing = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      existing.add(create(store, null, 3600).id());
      if (i % 3 == 0) {
        fx.clock.advance(Duration.ofMillis(1)); // many share a creation time: ties break by id
      }
    }

    List<UUID> seen = new ArrayList<>();
    List<Instant> order = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      InvoicePage page =
          page(
              store,
              new InvoiceQuery(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  4,
                  cursor));
      page.data().forEach(i -> seen.add(i.id()));
      page.data().forEach(i -> order.add(i.createdAt()));
      cursor = page.nextCursor();
      pages++;
      // Newer invoices, and some at the very instant of the ones already listed.
      create(store, null, 3600);
      fx.clock.advance(Duration.ofMillis(1));
      create(store, null, 3600);
    } while (cursor.isPresent());

    assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    assertThat(order).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(pages).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aBadCursorOrLimitIsAViolation() {
    UUID store = fx.store(RECEIVING, null);
    InvoiceQuery bad =
        new InvoiceQuery(
            Optional.empty(),
            Optional.of(Instant.parse("2026-01-02T00:00:00Z")),
            Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
            Optional.empty(),
            0,
            Optional.of("not-a-cursor"));

    assertThatThrownBy(() -> fx.invoices.list(store, bad).block(WAIT))
        .isInstanceOf(InvalidInvoiceException.class)
        .extracting(e -> ((InvalidInvoiceException) e).violations(), list(Violation.class))
        .extracting(Violation::field)
        .containsExactly("limit", "cursor", "createdTo");
  }

  private static Invoice create(UUID store, String orderId, long expiresIn) {
    CreateInvoice base = usdc(store, "1");
    return fx.invoices
        .create(
            new CreateInvoice(
                store,
                base.chainId(),
                base.currencySymbol(),
                base.lineItems(),
                null,
                null,
                null,
                orderId,
                base.metadata(),
                OptionalLong.of(expiresIn),
                base.paymentMethods()))
        .block(WAIT);
  }

  private static InvoiceQuery query(InvoiceStatus status) {
    return new InvoiceQuery(
        Optional.ofNullable(status),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        InvoiceQuery.DEFAULT_LIMIT,
        Optional.empty());
  }

  private static InvoicePage page(UUID store, InvoiceQuery query) {
    return fx.invoices.list(store, query).block(WAIT);
  }

  private static List<UUID> ids(UUID store, InvoiceQuery query) {
    return page(store, query).data().stream().map(Invoice::id).toList();
  }
}
