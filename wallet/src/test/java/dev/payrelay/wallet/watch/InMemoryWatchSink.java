package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.ChainId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A {@link WatchSink} in memory, with the one-transaction contract (a batch and its cursor are
 * stored together or not at all), and faults to imitate a crash before or after a commit.
 */
final class InMemoryWatchSink implements WatchSink {

  private final List<WatchBatch> accepted = new CopyOnWriteArrayList<>();
  private final Map<ChainId, WatchCursor> cursors = new ConcurrentHashMap<>();
  private volatile int failBeforeCommitAt = Integer.MAX_VALUE;
  private volatile int failAfterCommitAt = Integer.MAX_VALUE;

  @Override
  public Mono<Void> accept(WatchBatch batch) {
    return Mono.defer(
        () -> {
          if (accepted.size() >= failBeforeCommitAt) {
            return Mono.error(new IllegalStateException("the process died before the commit"));
          }
          accepted.add(batch);
          cursors.put(batch.chain(), batch.cursor());
          if (accepted.size() == failAfterCommitAt) {
            return Mono.error(new IllegalStateException("the commit's answer was lost"));
          }
          return Mono.empty();
        });
  }

  @Override
  public Mono<Optional<WatchCursor>> loadCursor(ChainId chain) {
    return Mono.fromSupplier(() -> Optional.ofNullable(cursors.get(chain)));
  }

  /** Commits {@code batches} more batches, then fails every later one before its commit. */
  void dieAfter(int batches) {
    failBeforeCommitAt = accepted.size() + batches;
  }

  /** Commits the {@code n}-th next batch but answers with an error. */
  void loseTheAnswerOf(int n) {
    failAfterCommitAt = accepted.size() + n;
  }

  void heal() {
    failBeforeCommitAt = Integer.MAX_VALUE;
    failAfterCommitAt = Integer.MAX_VALUE;
  }

  List<WatchBatch> batches() {
    return List.copyOf(accepted);
  }

  List<PaymentObservation> observations() {
    return accepted.stream().flatMap(b -> b.observations().stream()).toList();
  }

  <T extends PaymentObservation> List<T> observations(Class<T> type) {
    return observations().stream().filter(type::isInstance).map(type::cast).toList();
  }

  Optional<WatchCursor> cursor(ChainId chain) {
    return Optional.ofNullable(cursors.get(chain));
  }
}
