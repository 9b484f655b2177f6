package dev.payrelay.gateway.watch;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.watch.ChainWatcher;
import java.util.Map;

/** The node's chain watchers, started once the node is ready and stopped with it. */
public final class ChainWatchers {

  private final Map<ChainId, ChainWatcher> byChain;

  ChainWatchers(Map<ChainId, ChainWatcher> byChain) {
    this.byChain = Map.copyOf(byChain);
  }

  public Map<ChainId, ChainWatcher> byChain() {
    return byChain;
  }

  void start() {
    byChain.values().forEach(ChainWatcher::start);
  }

  void stop() {
    byChain.values().forEach(ChainWatcher::stop);
  }
}
