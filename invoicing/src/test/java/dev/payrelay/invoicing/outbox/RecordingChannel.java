package dev.payrelay.invoicing.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A channel for relay tests that records every attempt and answers as {@code behaviour} says. The
 * relay is the subject; this only stands where an SMTP server or an HTTP endpoint would.
 */
final class RecordingChannel implements OutboxChannel {

  final String name;
  final List<OutboxEvent> attempts = new CopyOnWriteArrayList<>();
  final List<OutboxEvent> accepted = new CopyOnWriteArrayList<>();
  final Map<Long, Integer> attemptsById = new ConcurrentHashMap<>();
  private volatile Function<OutboxEvent, Mono<Void>> behaviour = e -> Mono.empty();

  RecordingChannel(String name) {
    this.name = name;
  }

  RecordingChannel answering(Function<OutboxEvent, Mono<Void>> answer) {
    this.behaviour = answer;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Mono<Void> deliver(OutboxEvent event) {
    return Mono.defer(
        () -> {
          attempts.add(event);
          attemptsById.merge(event.id(), 1, Integer::sum);
          return behaviour.apply(event).doOnSuccess(v -> accepted.add(event));
        });
  }

  List<String> acceptedKeysAndTypes() {
    return accepted.stream().map(e -> e.orderingKey() + "/" + e.eventType()).toList();
  }
}
