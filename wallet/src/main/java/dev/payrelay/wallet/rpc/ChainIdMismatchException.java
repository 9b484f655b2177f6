package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.ChainId;

/**
 * An endpoint serves another chain than the one it is configured for: payments would be looked for
 * on the wrong chain, so the node refuses to start.
 */
public class ChainIdMismatchException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final long reported;
  private final ChainId configured;

  public ChainIdMismatchException(String endpoint, long reported, ChainId configured) {
    super(
        "RPC endpoint "
            + endpoint
            + " reports chain id "
            + reported
            + ", but it is configured as chain "
            + configured
            + "; fix the chain's rpc-url or chain-id");
    this.reported = reported;
    this.configured = configured;
  }

  public long reported() {
    return reported;
  }

  public ChainId configured() {
    return configured;
  }
}
