package dev.payrelay.settlement;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs asynchronous tasks one at a time per key, in arrival order, without blocking a thread: a
 * task starts when the previous task of its key has ended (whatever its outcome). Keys without
 * waiting work are forgotten. The returned {@code Mono} must be subscribed (as every engine path
 * is), or the key's later tasks wait for it.
 */
final class PerKeySerializer<K> {
  private final Map<K, Mono<Void>> tails = new HashMap<>();

  <T> Mono<T> run(K key, Supplier<Mono<T>> task) {
    return Mono.defer(
        () -> {
          Sinks.Empty<Void> done = Sinks.empty();
          Mono<Void> previous;
          Mono<Void> mine = done.asMono();
          synchronized (tails) {
            previous = tails.getOrDefault(key, Mono.empty());
            tails.put(key, mine);
          }
          return previous
              .then(Mono.defer(task))
              .doFinally(
                  signal -> {
                    synchronized (tails) {
                      tails.remove(key, mine);
                    }
                    done.tryEmitEmpty();
                  });
        });
  }
}
