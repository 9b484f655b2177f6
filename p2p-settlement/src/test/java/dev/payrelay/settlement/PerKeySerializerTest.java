package dev.payrelay.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class PerKeySerializerTest {
  final PerKeySerializer<String> serializer = new PerKeySerializer<>();

  @Test
  void runsTheTasksOfOneKeyOneAtATimeInArrivalOrderAndOtherKeysAlongside() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> order = new CopyOnWriteArrayList<>();

    Flux.range(0, 50)
        .flatMap(
            i ->
                serializer.run(
                    "invoice",
                    () ->
                        Mono.fromRunnable(
                                () -> {
                                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                                  order.add(i);
                                })
                            .subscribeOn(Schedulers.parallel())
                            .then(Mono.fromRunnable(running::decrementAndGet))
                            .thenReturn(i)),
            50)
        .then()
        .block(Duration.ofSeconds(10));

    assertThat(most).hasValue(1);
    assertThat(order).hasSize(50).isSorted();
    assertThat(serializer.run("other", () -> Mono.just(1)).block()).isEqualTo(1);
  }

  @Test
  void aFailedTaskDoesNotStopTheNextOne() {
    Mono<Object> failing =
        serializer.run("k", () -> Mono.error(new IllegalStateException("first fails")));
    Mono<String> next = serializer.run("k", () -> Mono.just("second runs"));

    assertThat(failing.onErrorReturn("failed").block()).isEqualTo("failed");
    assertThat(next.block(Duration.ofSeconds(5))).isEqualTo("second runs");
  }
}
