package dev.payrelay.gateway.watch;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.watch.ChainWatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code watchers} in {@code /actuator/health}: DOWN if a chain's watcher stopped on its own (a
 * reorg deeper than it can follow), with each watcher's consecutive failures (an RPC outage shows
 * there, and in {@code chains}, while the watcher keeps retrying).
 */
@Component
class WatchersHealthIndicator implements HealthIndicator {

  private final ChainWatchers watchers;

  WatchersHealthIndicator(ChainWatchers watchers) {
    this.watchers = watchers;
  }

  @Override
  public Health health() {
    boolean up = true;
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<ChainId, ChainWatcher> e : watchers.byChain().entrySet()) {
      ChainWatcher w = e.getValue();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("consecutiveFailures", w.consecutiveFailures());
      w.failure().ifPresent(f -> d.put("stopped", String.valueOf(f.getMessage())));
      up &= w.failure().isEmpty();
      details.put(e.getKey().toString(), d);
    }
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }
}
