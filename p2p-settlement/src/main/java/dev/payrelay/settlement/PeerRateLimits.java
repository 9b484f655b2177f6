package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per peer: {@code burst} messages at once, refilled at {@code perSecond}. The least
 * recently seen peers are forgotten beyond {@value #MAX_TRACKED_PEERS} (a forgotten peer starts
 * with a full bucket, which bounds memory, not fairness). Thread-safe; time from the clock.
 */
final class PeerRateLimits {
  /** Peers whose buckets are kept. */
  static final int MAX_TRACKED_PEERS = 10_000;

  private static final double NANOS_PER_SECOND = 1e9;

  private final Clock clock;
  private final double burst;
  private final double perNano;
  private final Map<PeerId, double[]> buckets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PeerId, double[]> eldest) {
          return size() > MAX_TRACKED_PEERS;
        }
      };

  PeerRateLimits(Clock clock, int burst, int perSecond) {
    if (burst < 1 || perSecond < 1) {
      throw new IllegalArgumentException("burst and rate are positive");
    }
    this.clock = clock;
    this.burst = burst;
    this.perNano = perSecond / NANOS_PER_SECOND;
  }

  /** Takes a token from {@code peer}'s bucket; false if it is empty. */
  synchronized boolean tryAcquire(PeerId peer) {
    long now = nanos();
    // bucket[0] = tokens, bucket[1] = time of the last refill (nanoseconds of the clock)
    double[] bucket = buckets.computeIfAbsent(peer, p -> new double[] {burst, now});
    bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perNano);
    bucket[1] = now;
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0] -= 1;
    return true;
  }

  private long nanos() {
    var instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
