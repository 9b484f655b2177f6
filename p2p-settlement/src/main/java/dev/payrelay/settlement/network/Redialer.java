package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps dialling the peers a node wants (bootstrap and known peers) while they are disconnected: at
 * once when first wanted, then after {@link Backoff} delays that grow with every failed attempt and
 * every short-lived connection. A connection that lasted {@link #STABLE_CONNECTION} resets the
 * backoff, so a peer that restarts is found again within about a second.
 */
final class Redialer {
  /** A connection that lived this long counts as healthy: the next loss starts from 1 s again. */
  static final Duration STABLE_CONNECTION = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(Redialer.class);

  private static final class Wanted {
    int failures;
    long connectedAtMillis = -1;
    ScheduledFuture<?> next;
    boolean dialing;
  }

  private final ScheduledExecutorService timers;
  private final RandomGenerator random;
  private final Clock clock;
  private final Function<PeerId, CompletableFuture<?>> dial;
  private final Predicate<PeerId> isConnected;
  private final Map<PeerId, Wanted> wanted = new ConcurrentHashMap<>();
  private volatile boolean closed;

  Redialer(
      ScheduledExecutorService timers,
      RandomGenerator random,
      Clock clock,
      Function<PeerId, CompletableFuture<?>> dial,
      Predicate<PeerId> isConnected) {
    this.timers = timers;
    this.random = random;
    this.clock = clock;
    this.dial = dial;
    this.isConnected = isConnected;
  }

  /** From now on keeps {@code peer} connected; dials it at once if it is not. */
  void want(PeerId peer) {
    Wanted state = new Wanted();
    if (wanted.putIfAbsent(peer, state) == null && !isConnected.test(peer)) {
      schedule(peer, state, Duration.ZERO);
    }
  }

  /** A connection to {@code peer} came up. */
  void connected(PeerId peer) {
    Wanted state = wanted.get(peer);
    if (state != null) {
      synchronized (state) {
        state.connectedAtMillis = clock.millis();
        if (state.next != null) {
          state.next.cancel(false);
          state.next = null;
        }
      }
    }
  }

  /** The last connection to {@code peer} went down. */
  void disconnected(PeerId peer) {
    Wanted state = wanted.get(peer);
    if (state == null) {
      return;
    }
    synchronized (state) {
      if (state.connectedAtMillis >= 0
          && clock.millis() - state.connectedAtMillis >= STABLE_CONNECTION.toMillis()) {
        state.failures = 0;
      }
      state.connectedAtMillis = -1;
      schedule(peer, state, Backoff.delay(state.failures++, random));
    }
  }

  void close() {
    closed = true;
    wanted
        .values()
        .forEach(
            state -> {
              synchronized (state) {
                if (state.next != null) {
                  state.next.cancel(false);
                }
              }
            });
  }

  private void schedule(PeerId peer, Wanted state, Duration delay) {
    synchronized (state) {
      if (closed || state.dialing || (state.next != null && !state.next.isDone())) {
        return;
      }
      try {
        state.next =
            timers.schedule(() -> attempt(peer, state), delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopped) {
        // closing
      }
    }
  }

  private void attempt(PeerId peer, Wanted state) {
    synchronized (state) {
      state.next = null;
      if (closed || isConnected.test(peer)) {
        return;
      }
      state.dialing = true;
    }
    CompletableFuture<?> attempt;
    try {
      attempt = dial.apply(peer);
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    attempt.whenComplete(
        (connection, error) -> {
          synchronized (state) {
            state.dialing = false;
            if (error != null && !closed) {
              Duration delay = Backoff.delay(state.failures++, random);
              LOG.debug("dialling {} failed ({}); again in {}", peer, error.toString(), delay);
              schedule(peer, state, delay);
            }
          }
        });
  }
}
