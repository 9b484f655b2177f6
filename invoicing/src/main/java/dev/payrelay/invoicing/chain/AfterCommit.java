package dev.payrelay.invoicing.chain;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** Runs an action once the surrounding reactive transaction has committed (now, if none). */
final class AfterCommit {

  private AfterCommit() {}

  static Mono<Void> run(Runnable action) {
    return TransactionSynchronizationManager.forCurrentTransaction()
        .flatMap(
            sync -> {
              if (!sync.isSynchronizationActive()) {
                return Mono.<Void>fromRunnable(action);
              }
              sync.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                      return Mono.fromRunnable(action);
                    }
                  });
              return Mono.<Void>empty();
            })
        .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(action));
  }
}
