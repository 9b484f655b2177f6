package dev.payrelay.wallet.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.watch.PaymentObservation.Seen;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A watcher whose node is down: it backs off instead of spinning, and recovers by itself. */
class ChainWatcherOutageTest {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(400);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void backsOffWhileTheNodeIsDownAndFindsWhatWasPaidMeanwhileOnceItIsBack() throws Exception {
    DevChainPayments chain = new DevChainPayments();
    Web3jEthRpc dead =
        Web3jEthRpc.create(
            RpcSettings.of("http://127.0.0.1:" + freePort(), chain.id)
                .withPerCallTimeout(Duration.ofSeconds(1))
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20), 0));
    Web3jEthRpc live = chain.rpc();
    SwitchableRpc rpc = new SwitchableRpc(dead);
    ExpectationIndex index = new ExpectationIndex(chain.id);
    Address deposit = DevChainPayments.freshAddress();
    index.add(
        new Expectation("inv", Asset.ether(chain.id), new PaymentRoute.ToDepositAddress(deposit)));
    InMemoryWatchSink sink = new InMemoryWatchSink();
    WatchConfig config =
        WatchConfig.of(chain.config(3))
            .withStartBlock(chain.head() + 1)
            .withPollInterval(POLL)
            .withMaxBackoff(MAX_BACKOFF);
    ChainWatcher watcher = new ChainWatcher(rpc, index, sink, config);
    try {
      long started = System.nanoTime();
      watcher.start();
      chain.sendEther(deposit, BigInteger.TEN);
      await(() -> watcher.consecutiveFailures() >= 5);
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

      // Pauses of 100, 200, 400, 400 ms between the first five attempts: no busy loop.
      assertThat(elapsedMillis).isGreaterThanOrEqualTo(1_100);
      long requests = dead.stats().httpRequests();
      int attempts = watcher.consecutiveFailures();
      assertThat(requests).isLessThanOrEqualTo(4L * (attempts + 1));
      assertThat(sink.batches()).isEmpty();

      rpc.switchTo(live);
      await(() -> !sink.observations(Seen.class).isEmpty());
      await(() -> watcher.consecutiveFailures() == 0);
      assertThat(sink.observations(Seen.class))
          .singleElement()
          .extracting(Seen::invoiceKey)
          .isEqualTo("inv");
      assertThat(watcher.failure()).isEmpty();
      System.out.printf(
          "node down: %d attempts in %d ms, %d HTTP requests; recovered%n",
          attempts, elapsedMillis, requests);
    } finally {
      watcher.stop();
      dead.close();
      live.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Bounded poll of a real process's progress. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
