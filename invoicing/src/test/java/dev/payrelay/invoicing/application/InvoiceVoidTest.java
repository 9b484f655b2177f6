package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Voiding: only an invoice OPEN now, once, with its event, and its watch closed. */
class InvoiceVoidTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static InvoicingFixture fx;
  static UUID store;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceVoidTest.class);
    store = fx.store(RECEIVING, null);
  }

  @Test
  void voidsAnOpenInvoiceOnceWithItsEventAndStopsWatchingIt() {
    Invoice open = fx.invoices.create(usdc(store, "3")).block(WAIT);
    assertThat(fx.expectations.isOpen(open.id().toString())).isTrue();
    fx.clock.advance(Duration.ofSeconds(5));

    Invoice voided = fx.invoices.voidInvoice(store, open.id()).block(WAIT);

    assertThat(voided.evaluation().status()).isEqualTo(InvoiceStatus.VOID);
    assertThat(voided.evaluation().exception()).isEqualTo(ExceptionStatus.NONE);
    assertThat(voided.voidedAt()).contains(fx.clock.instant());
    assertThat(voided.updatedAt()).isEqualTo(fx.clock.instant());
    assertThat(fx.invoices.get(store, open.id()).block(WAIT)).isEqualTo(voided);
    assertThat(fx.expectations.isOpen(open.id().toString())).isFalse();
    assertThat(events(open)).containsExactly("invoice.created", "invoice.voided");
    assertThat(
            fx.count(
                "SELECT count(*) FROM invoices WHERE id = '"
                    + open.id()
                    + "' AND watch_closed_at IS NOT NULL"))
        .isEqualTo(1);

    assertThatThrownBy(() -> fx.invoices.voidInvoice(store, open.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining("is VOID");
    assertThat(events(open)).containsExactly("invoice.created", "invoice.voided");
  }

  @Test
  void anInvoiceExpiredByTheClockCannotBeVoided() {
    Invoice open = fx.invoices.create(usdc(store, "3")).block(WAIT);
    fx.clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> fx.invoices.voidInvoice(store, open.id()).block(WAIT))
        .isInstanceOf(InvoiceStateException.class)
        .hasMessageContaining(open.humanNumber() + " is EXPIRED");
    assertThat(
            fx.count(
                "SELECT count(*) FROM invoices WHERE id = '" + open.id() + "' AND status = 'open'"))
        .isEqualTo(1);
  }

  @Test
  void anotherStoresInvoiceIsNotFound() {
    Invoice theirs = fx.invoices.create(usdc(store, "3")).block(WAIT);
    UUID other = fx.store(RECEIVING, null);

    assertThat(fx.invoices.voidInvoice(other, theirs.id()).block(WAIT)).isNull();
    assertThat(fx.invoices.get(other, theirs.id()).block(WAIT)).isNull();
    assertThat(fx.invoices.payments(other, theirs.id()).block(WAIT)).isNull();
    assertThat(fx.invoices.payments(store, theirs.id()).block(WAIT)).isEmpty();
    assertThat(fx.invoices.get(store, theirs.id()).block(WAIT).evaluation().status())
        .isEqualTo(InvoiceStatus.OPEN);
  }

  private static java.util.List<String> events(Invoice invoice) {
    return fx.strings(
        "SELECT event_type FROM outbox WHERE ordering_key = '" + invoice.id() + "' ORDER BY id");
  }
}
