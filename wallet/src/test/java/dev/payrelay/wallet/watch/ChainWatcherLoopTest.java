package dev.payrelay.wallet.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.chain.ChainConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The watch loop's timing, in virtual time: polling, backoff, recovery, stop, a deep reorg. */
class ChainWatcherLoopTest {

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final ScriptedRpc rpc = new ScriptedRpc();
  private final InMemoryWatchSink sink = new InMemoryWatchSink();
  private final ChainWatcher watcher =
      new ChainWatcher(
          rpc,
          new ExpectationIndex(Fixtures.CHAIN),
          sink,
          WatchConfig.of(
                  new ChainConfig(
                      Fixtures.CHAIN,
                      "scripted",
                      URI.create("http://scripted"),
                      3,
                      Fixtures.ETH,
                      List.of(),
                      List.of()))
              .withPollInterval(Duration.ofSeconds(1))
              .withMaxBackoff(Duration.ofSeconds(60)),
          time);
  private final AtomicBoolean completed = new AtomicBoolean();

  @Test
  void pollsOncePerIntervalWhileHealthy() {
    rpc.head = 100;
    start();

    time.advanceTimeBy(Duration.ofSeconds(10));

    assertThat(rpc.ticks).hasValue(11);
    assertThat(sink.cursor(Fixtures.CHAIN).orElseThrow().checkpoint().number()).isEqualTo(100);
  }

  @Test
  void backsOffExponentiallyWhileTheNodeIsDownThenRecovers() {
    sink.accept(new WatchBatch(Fixtures.CHAIN, List.of(), WatchCursor.at(Fixtures.block(100))))
        .block();
    rpc.head = 100;
    rpc.down = true;
    start();

    time.advanceTimeBy(Duration.ofSeconds(125));
    // Attempts at 0, 2, 6, 14, 30, 62 and 122 s: the pause doubles up to 60 s.
    assertThat(rpc.ticks).hasValue(7);
    assertThat(watcher.consecutiveFailures()).isEqualTo(7);

    rpc.down = false;
    time.advanceTimeBy(Duration.ofSeconds(58)); // the attempt at 182 s succeeds, then every 1 s
    assertThat(rpc.ticks).hasValue(9);
    assertThat(watcher.consecutiveFailures()).isZero();
    assertThat(completed).isFalse();
  }

  @Test
  void stopEndsTheLoopAtOnce() {
    rpc.head = 100;
    start();
    time.advanceTimeBy(Duration.ofSeconds(3));

    watcher.stop();
    time.advanceTimeBy(Duration.ofSeconds(10));

    assertThat(completed).isTrue();
    assertThat(rpc.ticks).hasValue(4);
  }

  @Test
  void stopsLoudlyOnAReorgDeeperThanItRemembers() {
    sink.accept(new WatchBatch(Fixtures.CHAIN, List.of(), WatchCursor.at(Fixtures.block(200))))
        .block();
    rpc.fork = "other";
    rpc.head = 201;
    start();

    time.advanceTimeBy(Duration.ofSeconds(5));

    assertThat(watcher.failure()).containsInstanceOf(ReorgTooDeepException.class);
    assertThat(rpc.ticks).hasValue(1);
    assertThat(sink.batches()).hasSize(1);
  }

  private void start() {
    watcher.run().subscribe(v -> {}, e -> {}, () -> completed.set(true));
  }
}
