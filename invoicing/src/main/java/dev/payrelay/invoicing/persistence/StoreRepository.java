package dev.payrelay.invoicing.persistence;

import dev.payrelay.wallet.core.Address;
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
   */
  public record Settings(
      Optional<Address> receivingAddress, boolean hasXpub, long defaultExpirySeconds) {}

  /**
   * What one invoice was allocated, under the store row's lock (held until the transaction ends).
   *
   * @param referenceSecret the store's reference secret (made now if it had none and one was
   *     needed)
   * @param depositIndex the first deposit-address child index the invoice may use, if asked for
   */
  public record Allocation(
      long number,
      Optional<byte[]> referenceSecret,
      Optional<Address> receivingAddress,
      Optional<String> xpub,
      Optional<Long> depositIndex) {}

  public Mono<Settings> settings(DatabaseClient db, UUID storeId) {
    return db.sql(
            "SELECT receiving_address, xpub IS NOT NULL AS has_xpub, default_expiry_seconds"
                + " FROM stores WHERE id = :store")
        .bind("store", storeId)
        .map(
            row ->
                new Settings(
                    Optional.ofNullable(row.get("receiving_address", String.class))
                        .map(Address::parse),
                    Boolean.TRUE.equals(row.get("has_xpub", Boolean.class)),
                    row.get("default_expiry_seconds", Integer.class)))
        .one();
  }

  /**
   * Takes the store's next invoice number and, if {@code deposit}, its next deposit index; gives
   * the store a reference secret ({@code freshSecret}) if {@code reference} and it has none. Locks
   * the store row: numbers are gap-free in commit order.
   */
  public Mono<Allocation> allocate(
      DatabaseClient db, UUID storeId, boolean reference, boolean deposit, byte[] freshSecret) {
    return db.sql(
            "UPDATE stores SET next_invoice_number = next_invoice_number + 1,"
                + " next_deposit_index = next_deposit_index + :step,"
                + " reference_secret = CASE WHEN :reference"
                + " THEN COALESCE(reference_secret, :fresh) ELSE reference_secret END"
                + " WHERE id = :store RETURNING next_invoice_number - 1 AS number,"
                + " next_deposit_index - :step AS deposit_index, reference_secret,"
                + " receiving_address, xpub")
        .bind("step", deposit ? 1L : 0L)
        .bind("reference", reference)
        .bind("fresh", freshSecret)
        .bind("store", storeId)
        .map(
            row ->
                new Allocation(
                    row.get("number", Long.class),
                    Optional.ofNullable(row.get("reference_secret", byte[].class)),
                    Optional.ofNullable(row.get("receiving_address", String.class))
                        .map(Address::parse),
                    Optional.ofNullable(row.get("xpub", String.class)),
                    deposit ? Optional.of(row.get("deposit_index", Long.class)) : Optional.empty()))
        .one();
  }

  /** Moves the store's next deposit index past {@code used} (after skipping unusable ones). */
  public Mono<Void> depositIndexUsed(DatabaseClient db, UUID storeId, long used) {
    return db.sql(
            "UPDATE stores SET next_deposit_index = GREATEST(next_deposit_index, :next)"
                + " WHERE id = :store")
        .bind("next", used + 1)
        .bind("store", storeId)
        .then();
  }
}
