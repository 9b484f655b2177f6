package dev.payrelay.invoicing.persistence;

import dev.payrelay.wallet.core.Address;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** What invoicing reads and allocates in {@code stores}. */
public final class StoreRepository {

  /**
   * What a store has configured for invoices.
   *
   * @param receivingAddress where reference payments go, if set
   * @param hasXpub whether deposit addresses can be derived
   * @param referenceSecret the secret its payment references derive from, once it has one (made
   *     with its first invoice by reference, see {@link InvoiceWriter#create}); never changed
   */
  public record Settings(
      Optional<Address> receivingAddress,
      boolean hasXpub,
      long defaultExpirySeconds,
      Optional<byte[]> referenceSecret) {

    /** Equal settings, the secret compared by content (a record compares arrays by identity). */
    public boolean sameAs(Settings other) {
      return receivingAddress.equals(other.receivingAddress)
          && hasXpub == other.hasXpub
          && defaultExpirySeconds == other.defaultExpirySeconds
          && Arrays.equals(referenceSecret.orElse(null), other.referenceSecret.orElse(null));
    }
  }

  /**
   * A deposit-address child index taken for one invoice.
   *
   * @param index the first child index the invoice may use (a later one if this one is unusable)
   * @param xpub the store's account-level extended public key
   */
  public record DepositSlot(long index, String xpub) {}

  public Mono<Settings> settings(DatabaseClient db, UUID storeId) {
    return db.sql(
            "SELECT receiving_address, xpub IS NOT NULL AS has_xpub, default_expiry_seconds,"
                + " reference_secret FROM stores WHERE id = :store")
        .bind("store", storeId)
        .map(
            row ->
                new Settings(
                    Optional.ofNullable(row.get("receiving_address", String.class))
                        .map(Address::parse),
                    Boolean.TRUE.equals(row.get("has_xpub", Boolean.class)),
                    row.get("default_expiry_seconds", Integer.class),
                    Optional.ofNullable(row.get("reference_secret", byte[].class))))
        .one();
  }

  /**
   * Takes the store's next deposit index, in a statement of its own: the store row is locked only
   * while PostgreSQL runs it. An index taken for an invoice that then fails is never used; that
   * leaves an unused address, as an unpaid invoice does. Empty if the store has no xpub.
   */
  public Mono<DepositSlot> takeDepositIndex(DatabaseClient db, UUID storeId) {
    return db.sql(
            "UPDATE stores SET next_deposit_index = next_deposit_index + 1"
                + " WHERE id = :store AND xpub IS NOT NULL"
                + " RETURNING next_deposit_index - 1 AS deposit_index, xpub")
        .bind("store", storeId)
        .map(
            row ->
                new DepositSlot(
                    row.get("deposit_index", Long.class), row.get("xpub", String.class)))
        .one();
  }
}
