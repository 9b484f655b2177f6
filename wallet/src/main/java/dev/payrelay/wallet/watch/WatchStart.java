package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.rpc.EthRpc;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Where the watcher starts: the cursor the sink stored, else the configured start block, else the
 * current head. A first start stores its cursor at once, so a crash before the first range cannot
 * move the start to a later head and skip the blocks in between.
 */
final class WatchStart {

  private static final Logger LOG = LoggerFactory.getLogger(ChainWatcher.class);

  private final EthRpc rpc;
  private final WatchSink sink;
  private final WatchConfig config;
  private volatile boolean loadedOnce;

  WatchStart(EthRpc rpc, WatchSink sink, WatchConfig config) {
    this.rpc = rpc;
    this.sink = sink;
    this.config = config;
  }

  Mono<WatchState> load() {
    return sink.loadCursor(config.chain().id())
        .flatMap(
            stored -> {
              if (stored.isPresent()) {
                logResume(stored.get());
                return Mono.just(state(stored.get()));
              }
              return firstCheckpoint()
                  .flatMap(
                      cp -> {
                        LOG.info(
                            "chain {}: no checkpoint stored; watching from block {}",
                            config.chain().name(),
                            cp.number() + 1);
                        WatchCursor cursor = WatchCursor.at(cp);
                        return sink.accept(new WatchBatch(config.chain().id(), List.of(), cursor))
                            .thenReturn(state(cursor));
                      });
            });
  }

  private WatchState state(WatchCursor cursor) {
    loadedOnce = true;
    return WatchState.resume(config.chain().id(), config.chain().confirmations(), cursor);
  }

  private void logResume(WatchCursor cursor) {
    String message = "chain {}: resuming after block {}, following {} transfer(s)";
    Object[] args = {config.chain().name(), cursor.checkpoint().number(), cursor.tracked().size()};
    if (loadedOnce) {
      LOG.debug(message, args);
    } else {
      LOG.info(message, args);
    }
  }

  private Mono<Checkpoint> firstCheckpoint() {
    if (config.startBlock().isPresent()) {
      long start = config.startBlock().getAsLong();
      return start == 0 ? Mono.just(Checkpoint.BEFORE_GENESIS) : checkpointAt(start - 1);
    }
    return rpc.latestBlockNumber().flatMap(this::checkpointAt);
  }

  private Mono<Checkpoint> checkpointAt(long number) {
    return rpc.block(number, false)
        .map(
            b ->
                b.map(ChainDecoding::header)
                    .map(BlockHeader::block)
                    .orElseThrow(
                        () ->
                            new ChainMovedException(
                                "block " + number + " (before the start block) is not mined yet")));
  }
}
