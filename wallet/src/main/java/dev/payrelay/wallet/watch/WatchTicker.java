package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcProtocolException;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One tick of the watcher: read the finalized block and the head, then process ranges up to the
 * head (or notice a reorg and rewind), committing a batch to the sink after each step. The state
 * moves only once the sink has accepted a batch; any failure drops it, so the next tick reloads the
 * cursor the sink stored.
 */
final class WatchTicker {

  /** A catch-up reports its progress at INFO about this often, in blocks. */
  static final long PROGRESS_LOG_BLOCKS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChainWatcher.class);

  private final EthRpc rpc;
  private final ExpectationIndex index;
  private final WatchSink sink;
  private final WatchConfig config;
  private final ChainConfig chain;
  private final RangeFetcher fetcher;
  private final ForkFinder forks;
  private final WatchStart start;
  private volatile WatchState state;
  private volatile int rangeBlocks;
  private volatile boolean catchingUp;
  private volatile long lastProgressLog;

  WatchTicker(EthRpc rpc, ExpectationIndex index, WatchSink sink, WatchConfig config) {
    this.rpc = rpc;
    this.index = index;
    this.sink = sink;
    this.config = config;
    this.chain = config.chain();
    this.fetcher =
        new RangeFetcher(
            rpc,
            chain.paymentProxies(),
            chain.tokens().stream().map(Asset.Erc20::contract).toList());
    this.forks = new ForkFinder(rpc);
    this.start = new WatchStart(rpc, sink, config);
    this.rangeBlocks = config.maxBlocksPerRange();
  }

  Mono<Void> tick(BooleanSupplier stopped) {
    return current()
        .flatMap(
            s ->
                Mono.zip(rpc.taggedBlockNumber(EthRpc.BlockTag.FINALIZED), rpc.latestBlockNumber()))
        .flatMap(
            t -> {
              OptionalLong finalized =
                  t.getT1().map(OptionalLong::of).orElseGet(OptionalLong::empty);
              return follow(t.getT2(), finalized, stopped);
            })
        .doOnError(e -> state = null);
  }

  private Mono<WatchState> current() {
    WatchState s = state;
    return s != null ? Mono.just(s) : start.load().doOnNext(loaded -> state = loaded);
  }

  private Mono<Void> follow(long head, OptionalLong finalized, BooleanSupplier stopped) {
    WatchState s = state;
    long at = s.checkpoint().number();
    if (head < at) {
      LOG.debug("chain {}: the node's head {} is behind our checkpoint {}", chain.name(), head, at);
      return Mono.empty();
    }
    if (head == at) {
      return forks
          .isCanonical(s.checkpoint())
          .flatMap(same -> same ? commit(s, s.reevaluate(head, finalized)) : rewind(s));
    }
    if (head - at > PROGRESS_LOG_BLOCKS && !catchingUp) {
      LOG.info("chain {}: catching up from block {} to {}", chain.name(), at + 1, head);
      catchingUp = true;
      lastProgressLog = at;
    }
    return Mono.defer(() -> nextRange(head, finalized))
        .repeat(() -> state.checkpoint().number() < head && !stopped.getAsBoolean())
        .then();
  }

  private Mono<Void> nextRange(long head, OptionalLong finalized) {
    WatchState s = state;
    long from = s.checkpoint().number() + 1;
    long to = Math.min(head, from + rangeBlocks - 1);
    RangeFetcher.Needs needs =
        new RangeFetcher.Needs(
            index.hasReferences(), index.hasTokenDeposits(), index.hasNativeDeposits());
    return fetcher
        .fetch(s.checkpoint(), to, head, needs)
        .doOnError(RpcProtocolException.class, e -> shrinkRange())
        .flatMap(
            fetched -> {
              if (fetched instanceof RangeFetcher.Linked linked) {
                WatchState.Step step = s.scan(linked.range(), head, finalized, index);
                return commit(s, step).doOnSuccess(v -> scanned(from, to, head, step));
              }
              return rewind(s);
            });
  }

  private Mono<Void> rewind(WatchState s) {
    LOG.warn(
        "chain {}: block {} is no longer on the node's chain; looking for the fork point",
        chain.name(),
        s.checkpoint());
    return forks
        .find(s)
        .flatMap(
            fork -> {
              if (fork.equals(s.checkpoint())) {
                return Mono.error(new ChainMovedException("the checkpoint is back on the chain"));
              }
              WatchState.Step step = s.rewindTo(fork);
              LOG.warn(
                  "chain {}: reorg after block {}: {} transfer(s) removed, scanning again from {}",
                  chain.name(),
                  fork.number(),
                  step.observations().size(),
                  fork.number() + 1);
              return commit(s, step);
            });
  }

  private Mono<Void> commit(WatchState before, WatchState.Step step) {
    if (step.state() == before && step.observations().isEmpty()) {
      return Mono.empty();
    }
    WatchBatch batch = new WatchBatch(chain.id(), step.observations(), step.state().cursor());
    return sink.accept(batch).then(Mono.fromRunnable(() -> state = step.state()));
  }

  private void scanned(long from, long to, long head, WatchState.Step step) {
    rangeBlocks = Math.min(config.maxBlocksPerRange(), rangeBlocks * 2);
    LOG.debug(
        "chain {}: blocks {}..{} scanned, {} observation(s)",
        chain.name(),
        from,
        to,
        step.observations().size());
    if (catchingUp && (to - lastProgressLog >= PROGRESS_LOG_BLOCKS || to == head)) {
      LOG.info("chain {}: scanned up to block {} of {}", chain.name(), to, head);
      lastProgressLog = to;
      catchingUp = to < head;
    }
  }

  private void shrinkRange() {
    if (rangeBlocks > 1) {
      rangeBlocks = Math.max(1, rangeBlocks / 2);
      LOG.warn(
          "chain {}: the node refused a range; trying {} blocks per range",
          chain.name(),
          rangeBlocks);
    }
  }
}
