package dev.payrelay.invoicing.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The queries of the invoices' life on chain: which are due to expire, which are still worth
 * watching, and which watches can close. An invoice is worth watching while a payment of it may
 * still change (seen or confirmed, not final), or while it is neither paid nor void and its expiry
 * is less than the late-payment window ago.
 */
public final class WatchRepository {

  private static final String UNSETTLED =
      "EXISTS (SELECT 1 FROM invoice_payments p WHERE p.invoice_id = invoices.id"
          + " AND p.state IN ('seen', 'confirmed'))";

  /**
   * Up to {@code limit} stored-OPEN invoices whose expiry has come, locked; invoices another
   * transaction holds are skipped (several instances can run the expiry job).
   */
  public Flux<InvoiceRecord> lockDueForExpiry(DatabaseClient db, Instant now, int limit) {
    return db.sql(
            "SELECT "
                + InvoiceRows.COLUMNS
                + " FROM invoices WHERE status = 'open' AND expires_at <= :now"
                + " ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("now", now)
        .bind("limit", limit)
        .map(InvoiceRows::read)
        .all();
  }

  /**
   * Up to {@code limit} watched invoices no longer worth watching, locked (skipping locked ones):
   * paid or void, or expired at or before {@code cutoff}, with every payment settled.
   */
  public Flux<UUID> lockStaleWatches(DatabaseClient db, Instant cutoff, int limit) {
    return db.sql(
            "SELECT id FROM invoices WHERE watch_closed_at IS NULL AND NOT "
                + UNSETTLED
                + " AND (status IN ('paid', 'void')"
                + " OR (status IN ('open', 'expired') AND expires_at <= :cutoff))"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("cutoff", cutoff)
        .bind("limit", limit)
        .map(row -> row.get("id", UUID.class))
        .all();
  }

  /** Every invoice still worth watching, given the late-payment {@code cutoff}. */
  public Flux<InvoiceRecord> watched(DatabaseClient db, Instant cutoff) {
    return db.sql(
            "SELECT "
                + InvoiceRows.COLUMNS
                + " FROM invoices WHERE watch_closed_at IS NULL AND ("
                + UNSETTLED
                + " OR (status NOT IN ('paid', 'void') AND expires_at > :cutoff))")
        .bind("cutoff", cutoff)
        .map(InvoiceRows::read)
        .all();
  }
}
