package dev.payrelay.invoicing.chain;

import dev.payrelay.wallet.watch.WatchBatch;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * What else a batch of watcher observations changes, inside the transaction that records them and
 * the cursor: invoices apply their payments here, and write their outbox events.
 */
@FunctionalInterface
public interface ObservationApplier {

  /** Changes nothing beyond the observation journal. */
  ObservationApplier NONE = (batch, db) -> Mono.empty();

  /** Runs inside the batch's transaction; {@code db} takes part in it. */
  Mono<Void> apply(WatchBatch batch, DatabaseClient db);
}
