package dev.payrelay.invoicing.application;

import io.r2dbc.spi.ConnectionFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The database of the use cases, and transactions whose result is seen only once committed. */
final class Transactions {

  private final DatabaseClient db;
  private final TransactionalOperator operator;

  Transactions(ConnectionFactory connections) {
    this.db = DatabaseClient.create(connections);
    this.operator = TransactionalOperator.create(new R2dbcTransactionManager(connections));
  }

  DatabaseClient db() {
    return db;
  }

  /**
   * Runs {@code work} in one transaction; its value is emitted only after the commit succeeded, so
   * whatever follows (opening expectations, answering) never acts on a rolled-back change.
   */
  <T> Mono<T> committed(Mono<T> work) {
    return Mono.defer(
        () -> {
          AtomicReference<T> result = new AtomicReference<>();
          return operator
              .transactional(work.doOnNext(result::set))
              .then(Mono.fromSupplier(result::get));
        });
  }
}
