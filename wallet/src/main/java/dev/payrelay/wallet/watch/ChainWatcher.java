package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Follows one chain and reports payments to open invoices, without any proof: see ARCHITECTURE
 * "Payment proofs, verification and settlement".
 *
 * <p>Every {@link WatchConfig#pollInterval()}, one tick reads the {@code finalized} block and the
 * head, then scans the blocks after its checkpoint in ranges of at most {@link
 * WatchConfig#maxBlocksPerRange()}: per range, the headers it needs, one {@code eth_getLogs} over
 * the trusted proxies for both {@code TransferWithReferenceAndFee} shapes, one over the accepted
 * tokens for ERC-20 {@code Transfer}, and the full blocks only while ETH is expected at a deposit
 * address. Matching is a hash lookup per log or transaction in the {@link ExpectationIndex}, so the
 * RPC calls per block do not grow with the number of open invoices.
 *
 * <p>Reorgs: the parent hash of the first new block must be the checkpoint's hash. If not, the
 * watcher walks back through the blocks it remembers (the last {@code 128}) to the newest one still
 * on the chain, emits {@link PaymentObservation.Removed} for what it followed above it, and scans
 * again from there. A deeper reorg stops the watcher with a {@link ReorgTooDeepException}.
 *
 * <p>Each step ends with one {@link WatchBatch} handed to the {@link WatchSink}, which stores it in
 * one transaction; the watcher advances only after that, and resumes from the stored cursor after a
 * restart or a failed step. A failing node ({@link RpcUnavailableException}) or sink is logged and
 * retried with exponential backoff up to {@link WatchConfig#maxBackoff()}; never a busy loop.
 */
public final class ChainWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ChainWatcher.class);
  private static final int MAX_BACKOFF_DOUBLINGS = 30;

  private final WatchConfig config;
  private final Scheduler scheduler;
  private final WatchTicker ticker;
  private final Sinks.Empty<Void> stopSignal = Sinks.empty();
  private volatile boolean stopped;
  private volatile int failures;
  private volatile Throwable failure;
  private Disposable running;

  public ChainWatcher(EthRpc rpc, ExpectationIndex index, WatchSink sink, WatchConfig config) {
    this(rpc, index, sink, config, Schedulers.parallel());
  }

  /** With the scheduler the pauses run on (a virtual-time one in tests). */
  public ChainWatcher(
      EthRpc rpc, ExpectationIndex index, WatchSink sink, WatchConfig config, Scheduler scheduler) {
    if (!rpc.chainId().equals(config.chain().id())) {
      throw new IllegalArgumentException(
          "an endpoint of chain " + rpc.chainId() + " for the watcher of " + config.chain().id());
    }
    this.config = config;
    this.scheduler = scheduler;
    this.ticker = new WatchTicker(rpc, index, sink, config);
  }

  /**
   * The watch loop: completes after {@link #stop()}, fails only with a {@link
   * ReorgTooDeepException}. Subscribe once.
   */
  public Mono<Void> run() {
    return Mono.defer(this::attempt)
        .flatMap(pause -> Mono.delay(pause, scheduler))
        .repeat(() -> !stopped)
        .takeUntilOther(stopSignal.asMono())
        .then()
        .doOnError(
            e -> {
              failure = e;
              LOG.error("chain {}: the watcher stopped: {}", config.chain().name(), e.getMessage());
            });
  }

  /** Runs {@link #run()} in the background. */
  public synchronized void start() {
    if (running == null) {
      running = run().subscribe(v -> {}, e -> {});
    }
  }

  /** Stops the loop; an unfinished step is abandoned and will be redone by the next watcher. */
  public void stop() {
    stopped = true;
    stopSignal.tryEmitEmpty();
  }

  /** Why the watcher stopped on its own, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Failed attempts since the last successful one (0 when healthy). */
  public int consecutiveFailures() {
    return failures;
  }

  /** One tick, for tests that drive the watcher step by step. */
  Mono<Void> tickOnce() {
    return ticker.tick(() -> stopped);
  }

  private Mono<Duration> attempt() {
    return ticker
        .tick(() -> stopped)
        .then(
            Mono.fromCallable(
                () -> {
                  failures = 0;
                  return config.pollInterval();
                }))
        .onErrorResume(e -> !(e instanceof ReorgTooDeepException), e -> Mono.just(failed(e)));
  }

  private Duration failed(Throwable e) {
    int n = ++failures;
    Duration pause = backoff(config.pollInterval(), config.maxBackoff(), n);
    String name = config.chain().name();
    if (e instanceof RpcUnavailableException) {
      LOG.warn(
          "chain {}: the node is unavailable ({}); retrying in {}", name, e.getMessage(), pause);
    } else if (e instanceof ChainMovedException) {
      LOG.info("chain {}: {}; reading it again in {}", name, e.getMessage(), pause);
    } else {
      LOG.error("chain {}: a watch step failed; retrying in {}", name, pause, e);
    }
    return pause;
  }

  /** {@code poll × 2^failures}, at most {@code max}. */
  static Duration backoff(Duration poll, Duration max, int failures) {
    int doublings = Math.min(failures, MAX_BACKOFF_DOUBLINGS);
    Duration pause = poll.multipliedBy(1L << doublings);
    return pause.compareTo(max) > 0 ? max : pause;
  }
}
