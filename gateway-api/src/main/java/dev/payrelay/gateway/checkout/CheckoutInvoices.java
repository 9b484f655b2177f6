package dev.payrelay.gateway.checkout;

import dev.payrelay.invoicing.application.Invoices;
import io.r2dbc.spi.ConnectionFactory;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Finds the invoice behind a pay-link token. Tokens are 32 random URL-safe characters, stored as
 * they are under a unique index ({@code invoices.pay_token}), so a lookup is one index probe
 * whatever the token. A malformed token costs the same probe (with a well-formed decoy) and then
 * finds nothing, so the answer and its timing are the same for a malformed and an unknown token.
 */
final class CheckoutInvoices {

  /** The shape of a pay token in the contract ({@code PayLink.token}); V3 stores 32 of them. */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  /** Longer than any token; checked before the pattern so no input is scanned at length. */
  static final int MAX_TOKEN_CHARS = 64;

  private static final String DECOY = "________________________________";

  private final DatabaseClient db;
  private final Invoices invoices;

  CheckoutInvoices(ConnectionFactory connections, Invoices invoices) {
    this.db = DatabaseClient.create(connections);
    this.invoices = invoices;
  }

  /** The pay link's invoice, its store and payments; empty for a malformed or unknown token. */
  Mono<Checkout> find(String token) {
    boolean wellFormed =
        token != null && token.length() <= MAX_TOKEN_CHARS && TOKEN.matcher(token).matches();
    String probe = wellFormed ? token : DECOY;
    return db.sql(
            "SELECT i.id, i.store_id, s.name FROM invoices i JOIN stores s ON s.id = i.store_id"
                + " WHERE i.pay_token = :token")
        .bind("token", probe)
        .map(
            row ->
                new Found(
                    row.get("id", UUID.class),
                    row.get("store_id", UUID.class),
                    row.get("name", String.class)))
        .one()
        .filter(found -> wellFormed)
        .flatMap(this::load);
  }

  private Mono<Checkout> load(Found found) {
    return invoices
        .get(found.storeId(), found.invoiceId())
        .zipWith(invoices.payments(found.storeId(), found.invoiceId()))
        .map(t -> new Checkout(found.storeName(), t.getT1(), t.getT2()));
  }

  private record Found(UUID invoiceId, UUID storeId, String storeName) {}
}
