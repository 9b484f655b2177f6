package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.rpc.EthRpc;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds where a reorg forked: the newest remembered block that is still on the node's chain, asking
 * one block at a time, newest first. At most {@link WatchState#MAX_REORG_DEPTH} + 1 calls, and only
 * after a reorg.
 */
final class ForkFinder {

  private final EthRpc rpc;

  ForkFinder(EthRpc rpc) {
    this.rpc = rpc;
  }

  Mono<Checkpoint> find(WatchState state) {
    return Flux.fromIterable(state.forkCandidates())
        .concatMap(c -> isCanonical(c).filter(Boolean::booleanValue).map(yes -> c))
        .next()
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ReorgTooDeepException(
                        "none of the blocks remembered below "
                            + state.checkpoint()
                            + " is on the node's chain: a reorg deeper than "
                            + WatchState.MAX_REORG_DEPTH
                            + " blocks, or a node on another chain")));
  }

  /** Whether the node's block at {@code block.number()} has {@code block.hash()}. */
  Mono<Boolean> isCanonical(Checkpoint block) {
    if (block.equals(Checkpoint.BEFORE_GENESIS)) {
      return Mono.just(true);
    }
    return rpc.block(block.number(), false)
        .map(
            b ->
                b.map(x -> ChainDecoding.blockHash(x.getHash()).equals(block.hash()))
                    .orElse(false));
  }
}
