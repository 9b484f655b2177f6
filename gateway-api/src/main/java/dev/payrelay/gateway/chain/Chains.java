package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.ChainId;
import java.util.List;
import java.util.Optional;

/**
 * The chains this node serves: the configured ones, or the local dev chain when none is configured
 * and it could be started.
 */
public record Chains(List<ChainConfig> all) {

  public Chains {
    all = List.copyOf(all);
  }

  public Optional<ChainConfig> byId(ChainId id) {
    return all.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
