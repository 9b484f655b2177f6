package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A create is one transaction: when any write of it fails, none of it remains. */
class InvoiceCreateAtomicityTest {

  static InvoicingFixture fx;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(InvoiceCreateAtomicityTest.class);
  }

  @Test
  void aFailedWriteLeavesNoInvoiceNoNumberAndNoEvent() {
    UUID doomed = fx.store(RECEIVING, null);
    fx.execute(
        "CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$"
            + " BEGIN IF NEW.store_id = '"
            + doomed
            + "' THEN RAISE EXCEPTION 'outbox refused'; END IF; RETURN NEW; END $$");
    fx.execute(
        "CREATE TRIGGER refuse_event BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION"
            + " refuse_event()");
    try {
      assertThatThrownBy(() -> fx.invoices.create(usdc(doomed, "5")).block(Duration.ofSeconds(10)))
          .hasMessageContaining("outbox refused");

      assertThat(fx.count("SELECT count(*) FROM invoices")).isZero();
      assertThat(fx.count("SELECT count(*) FROM invoice_line_items")).isZero();
      assertThat(fx.count("SELECT count(*) FROM outbox")).isZero();
      assertThat(fx.expectations.size()).isZero();
      assertThat(fx.count("SELECT next_invoice_number FROM stores WHERE id = '" + doomed + "'"))
          .isEqualTo(1);
      assertThat(
              fx.count(
                  "SELECT count(*) FROM stores WHERE id = '"
                      + doomed
                      + "' AND reference_secret IS NULL"))
          .isEqualTo(1);
    } finally {
      fx.execute("DROP TRIGGER refuse_event ON outbox");
      fx.execute("DROP FUNCTION refuse_event()");
    }
    assertThat(fx.invoices.create(usdc(doomed, "5")).block(Duration.ofSeconds(10)).number())
        .isEqualTo(1);
  }
}
