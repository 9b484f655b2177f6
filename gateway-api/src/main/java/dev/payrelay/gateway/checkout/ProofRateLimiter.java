package dev.payrelay.gateway.checkout;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * At most {@code attempts} proof submissions per client per fixed {@code window}: each submission
 * may cost JSON-RPC calls. Clients are told apart by IP address (behind a reverse proxy, set {@code
 * server.forward-headers-strategy} so that is the buyer's). Memory is bounded: past {@link
 * #MAX_CLIENTS} clients, finished windows are dropped, and if all are live a new client waits.
 */
public final class ProofRateLimiter {

  /** Clients remembered at once. */
  static final int MAX_CLIENTS = 10_000;

  private record Window(Instant start, int used) {}

  private final Clock clock;
  private final int attempts;
  private final Duration window;
  private final Map<String, Window> windows = new HashMap<>();

  public ProofRateLimiter(Clock clock, int attempts, Duration window) {
    if (attempts < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("attempts and window must be positive");
    }
    this.clock = clock;
    this.attempts = attempts;
    this.window = window;
  }

  /** Empty if {@code client} may submit now (and counts it); else how long it must wait. */
  public synchronized Optional<Duration> acquire(String client) {
    Instant now = clock.instant();
    Window current = windows.get(client);
    if (current == null && windows.size() >= MAX_CLIENTS) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
      if (windows.size() >= MAX_CLIENTS) {
        return Optional.of(window);
      }
    }
    if (current == null || !now.isBefore(current.start().plus(window))) {
      windows.put(client, new Window(now, 1));
      return Optional.empty();
    }
    if (current.used() >= attempts) {
      return Optional.of(Duration.between(now, current.start().plus(window)));
    }
    windows.put(client, new Window(current.start(), current.used() + 1));
    return Optional.empty();
  }

  /** The client's IP address (as forwarded headers made it, if the operator configured them). */
  public static String client(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null || remote.getAddress() == null) {
      return "unknown";
    }
    return remote.getAddress().getHostAddress();
  }
}
