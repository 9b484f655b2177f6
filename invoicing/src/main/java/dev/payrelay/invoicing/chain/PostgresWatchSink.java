package dev.payrelay.invoicing.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchCursor;
import dev.payrelay.wallet.watch.WatchSink;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.ConnectionFactory;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The chain watcher's sink over PostgreSQL. One transaction per batch records every observation in
 * {@code chain_observations} (a replayed observation is ignored by its unique key), lets the {@link
 * ObservationApplier} change what the observations change, and stores the cursor in {@code
 * chain_watch_cursors}: all of it, or none.
 */
public final class PostgresWatchSink implements WatchSink {

  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final ObservationApplier applier;
  private final WatchCursorJson cursors = new WatchCursorJson(new ObjectMapper());

  public PostgresWatchSink(ConnectionFactory connections, ObservationApplier applier) {
    this.db = DatabaseClient.create(connections);
    this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    this.applier = applier;
  }

  @Override
  public Mono<Void> accept(WatchBatch batch) {
    Mono<Void> work =
        Flux.fromIterable(batch.observations())
            .concatMap(this::record)
            .then(applier.apply(batch, db))
            .then(storeCursor(batch.chain(), batch.cursor()));
    return transactions.transactional(work);
  }

  private Mono<Void> record(PaymentObservation observation) {
    Transfer t = observation.transfer();
    Long confirmations = switchConfirmations(observation);
    DatabaseClient.GenericExecuteSpec insert =
        db.sql(
                "INSERT INTO chain_observations (chain_id, kind, tx_hash, log_index, block_number,"
                    + " block_hash, invoice_key, asset, recipient, amount, confirmations)"
                    + " VALUES (:chain, :kind, :tx, :log, :number, :hash, :invoice, :asset, :to,"
                    + " :amount, :confirmations)"
                    + " ON CONFLICT (chain_id, kind, tx_hash, log_index, block_hash) DO NOTHING")
            .bind("chain", t.chain().value())
            .bind("kind", kind(observation))
            .bind("tx", t.tx().toString())
            .bind("log", t.logIndex())
            .bind("number", t.blockNumber())
            .bind("hash", t.blockHash())
            .bind("invoice", observation.invoiceKey())
            .bind("asset", t.asset().caip19())
            .bind("to", t.to().toLowerHex())
            .bind("amount", new BigDecimal(t.amount().baseUnits()));
    insert =
        confirmations == null
            ? insert.bindNull("confirmations", Long.class)
            : insert.bind("confirmations", confirmations);
    return insert.then();
  }

  private static Long switchConfirmations(PaymentObservation observation) {
    if (observation instanceof PaymentObservation.Seen seen) {
      return seen.confirmations();
    }
    if (observation instanceof PaymentObservation.Confirmed confirmed) {
      return confirmed.confirmations();
    }
    return null;
  }

  static String kind(PaymentObservation observation) {
    if (observation instanceof PaymentObservation.Seen) {
      return "seen";
    }
    if (observation instanceof PaymentObservation.Confirmed) {
      return "confirmed";
    }
    if (observation instanceof PaymentObservation.Finalized) {
      return "finalized";
    }
    return "removed";
  }

  private Mono<Void> storeCursor(ChainId chain, WatchCursor cursor) {
    return db.sql(
            "INSERT INTO chain_watch_cursors (chain_id, block_number, block_hash, cursor)"
                + " VALUES (:chain, :number, :hash, :cursor)"
                + " ON CONFLICT (chain_id) DO UPDATE SET block_number = EXCLUDED.block_number,"
                + " block_hash = EXCLUDED.block_hash, cursor = EXCLUDED.cursor, updated_at = now()")
        .bind("chain", chain.value())
        .bind("number", cursor.checkpoint().number())
        .bind("hash", cursor.checkpoint().hash())
        .bind("cursor", Json.of(cursors.write(cursor)))
        .then();
  }

  @Override
  public Mono<Optional<WatchCursor>> loadCursor(ChainId chain) {
    return db.sql("SELECT cursor FROM chain_watch_cursors WHERE chain_id = :chain")
        .bind("chain", chain.value())
        .map(row -> cursors.read(row.get("cursor", Json.class).asString()))
        .one()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }
}
