package dev.payrelay.invoicing.application;

import static dev.payrelay.invoicing.application.InvoicingFixture.ANVIL_XPUB;
import static dev.payrelay.invoicing.application.InvoicingFixture.RECEIVING;
import static dev.payrelay.invoicing.application.InvoicingFixture.line;
import static dev.payrelay.invoicing.application.InvoicingFixture.request;
import static dev.payrelay.invoicing.application.InvoicingFixture.usdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.core.Address;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service keeps each store's settings as last read ({@link StoreSettingsCache}); a setting
 * changed in the database, by this node or any other, must still govern the very next invoice.
 */
class StoreSettingsChangeTest {

  static final Address OTHER = Address.parse("0x" + "33".repeat(20));

  static InvoicingFixture fx;

  @BeforeAll
  static void start() {
    fx = InvoicingFixture.start(StoreSettingsChangeTest.class);
  }

  @Test
  void aChangedReceivingAddressGovernsTheNextInvoice() {
    UUID store = fx.store(RECEIVING, null);
    assertThat(recipient(create(usdc(store, "1")))).isEqualTo(RECEIVING);

    fx.execute(
        "UPDATE stores SET receiving_address = '"
            + OTHER.toLowerHex()
            + "' WHERE id = '"
            + store
            + "'");

    Invoice next = create(usdc(store, "2"));
    assertThat(recipient(next)).isEqualTo(OTHER);
    assertThat(next.number()).isEqualTo(2);
    assertThat(
            fx.strings("SELECT reference_recipient FROM invoices WHERE id = '" + next.id() + "'"))
        .containsExactly(OTHER.toLowerHex());
  }

  @Test
  void aRemovedReceivingAddressRefusesTheNextInvoiceByReferenceWritingNothing() {
    UUID store = fx.store(RECEIVING, null);
    create(usdc(store, "1"));

    fx.execute("UPDATE stores SET receiving_address = NULL WHERE id = '" + store + "'");

    assertThatThrownBy(() -> create(usdc(store, "2"))).isInstanceOf(InvalidInvoiceException.class);
    assertThat(fx.count("SELECT count(*) FROM invoices WHERE store_id = '" + store + "'"))
        .isEqualTo(1);
    assertThat(fx.count("SELECT next_invoice_number FROM stores WHERE id = '" + store + "'"))
        .isEqualTo(2);
  }

  @Test
  void aReceivingAddressSetAfterARefusalIsUsedAtOnce() {
    UUID store = fx.store(null, null);
    assertThatThrownBy(() -> create(usdc(store, "1"))).isInstanceOf(InvalidInvoiceException.class);

    fx.execute(
        "UPDATE stores SET receiving_address = '"
            + RECEIVING.toLowerHex()
            + "' WHERE id = '"
            + store
            + "'");

    Invoice first = create(usdc(store, "1"));
    assertThat(recipient(first)).isEqualTo(RECEIVING);
    assertThat(first.number()).isEqualTo(1);
  }

  @Test
  void anXpubSetAfterARefusalGivesDepositAddressesAtOnce() {
    UUID store = fx.store(RECEIVING, null);
    create(usdc(store, "1"));
    assertThatThrownBy(() -> create(byDeposit(store))).isInstanceOf(InvalidInvoiceException.class);

    fx.execute("UPDATE stores SET xpub = '" + ANVIL_XPUB + "' WHERE id = '" + store + "'");

    Invoice deposit = create(byDeposit(store));
    assertThat(deposit.paymentOptions())
        .singleElement()
        .isInstanceOf(PaymentOption.ToDepositAddress.class);
    fx.execute("UPDATE stores SET xpub = NULL WHERE id = '" + store + "'");
  }

  @Test
  void aChangedDefaultExpiryGovernsTheNextInvoice() {
    UUID store = fx.store(RECEIVING, null);
    Invoice before = create(usdc(store, "1"));
    assertThat(Duration.between(before.createdAt(), before.expiresAt()))
        .isEqualTo(Duration.ofHours(1));

    fx.execute("UPDATE stores SET default_expiry_seconds = 600 WHERE id = '" + store + "'");

    Invoice after = create(usdc(store, "1"));
    assertThat(Duration.between(after.createdAt(), after.expiresAt()))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aStoreDeletedAfterItsSettingsWereReadGetsNoInvoice() {
    UUID store = fx.store(RECEIVING, null);
    create(usdc(store, "1"));

    fx.execute("DELETE FROM outbox WHERE store_id = '" + store + "'");
    fx.execute(
        "DELETE FROM invoice_line_items USING invoices i WHERE invoice_id = i.id"
            + " AND i.store_id = '"
            + store
            + "'");
    fx.execute("DELETE FROM invoices WHERE store_id = '" + store + "'");
    fx.execute("DELETE FROM stores WHERE id = '" + store + "'");

    assertThatThrownBy(() -> create(usdc(store, "2"))).hasMessageContaining("no store " + store);
    assertThat(fx.count("SELECT count(*) FROM invoices WHERE store_id = '" + store + "'")).isZero();
  }

  private static Invoice create(CreateInvoice request) {
    return fx.invoices.create(request).block(Duration.ofSeconds(10));
  }

  private static CreateInvoice byDeposit(UUID store) {
    return request(store, "USDC", List.of(line("Item", "1", "3")), PaymentMethod.DEPOSIT_ADDRESS);
  }

  private static Address recipient(Invoice invoice) {
    return ((PaymentOption.ByReference) invoice.paymentOptions().get(0)).recipient();
  }
}
