package dev.payrelay.settlement.network;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Redial delays: {@link #INITIAL} doubling per failed attempt up to {@link #CAP}, each shortened by
 * a random part of up to {@link #JITTER_FRACTION}, so that nodes which lost the same peer at the
 * same moment do not all redial it in step.
 */
final class Backoff {
  static final Duration INITIAL = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofSeconds(60);

  /** Largest share of a delay that jitter takes off. */
  static final double JITTER_FRACTION = 0.2;

  private Backoff() {}

  /** The delay before attempt {@code failures + 1}, after {@code failures} failed attempts. */
  static Duration delay(int failures, RandomGenerator random) {
    long base = CAP.toMillis();
    if (failures < Long.numberOfLeadingZeros(INITIAL.toMillis()) - 1) {
      base = Math.min(CAP.toMillis(), INITIAL.toMillis() << Math.max(0, failures));
    }
    long jitter = (long) (base * JITTER_FRACTION * random.nextDouble());
    return Duration.ofMillis(base - jitter);
  }
}
