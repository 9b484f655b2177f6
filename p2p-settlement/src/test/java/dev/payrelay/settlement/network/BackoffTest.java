package dev.payrelay.settlement.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromOneSecondToTheCapWithAtMostAFifthTakenOffByJitter() {
    SplittableRandom random = new SplittableRandom(42);
    long[] bases = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
    for (int failures = 0; failures < bases.length; failures++) {
      for (int draw = 0; draw < 100; draw++) {
        long delay = Backoff.delay(failures, random).toMillis();
        assertThat(delay).isBetween(bases[failures] * 4 / 5, bases[failures]);
      }
    }
  }

  @Test
  void staysAtTheCapForAnyNumberOfFailures() {
    SplittableRandom random = new SplittableRandom(7);
    for (int failures : new int[] {10, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
      assertThat(Backoff.delay(failures, random))
          .isLessThanOrEqualTo(Backoff.CAP)
          .isGreaterThanOrEqualTo(Duration.ofSeconds(48));
    }
  }

  @Test
  void jitterSpreadsNodesThatLostAPeerAtTheSameMoment() {
    SplittableRandom random = new SplittableRandom(1);
    long first = Backoff.delay(3, random).toMillis();
    boolean differs = false;
    for (int i = 0; i < 20 && !differs; i++) {
      differs = Backoff.delay(3, random).toMillis() != first;
    }
    assertThat(differs).isTrue();
  }
}
