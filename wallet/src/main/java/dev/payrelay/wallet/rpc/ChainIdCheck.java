package dev.payrelay.wallet.rpc;

import reactor.core.publisher.Mono;

/** The start-up check that an endpoint serves the chain it is configured for. */
public final class ChainIdCheck {

  private ChainIdCheck() {}

  /**
   * Completes if {@code rpc}'s {@code eth_chainId} is {@link EthRpc#chainId()}; fails with a {@link
   * ChainIdMismatchException} naming the endpoint otherwise, or with the RPC's own error if it does
   * not answer.
   */
  public static Mono<Void> verifyChainId(EthRpc rpc) {
    return rpc.remoteChainId()
        .flatMap(
            reported ->
                reported == rpc.chainId().value()
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new ChainIdMismatchException(rpc.endpoint(), reported, rpc.chainId())));
  }
}
