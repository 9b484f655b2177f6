package dev.payrelay.gateway.chain;

import dev.payrelay.gateway.config.PayRelayProperties.ChainProperties;
import java.util.List;

/**
 * The chains this node serves: the configured ones, or the local dev chain when none is configured
 * and it could be started.
 */
public record Chains(List<ChainProperties> all) {

  public Chains {
    all = List.copyOf(all);
  }
}
