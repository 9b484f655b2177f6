package dev.payrelay.invoicing.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelayPolicyTest {

  static final RelayPolicy NO_JITTER =
      new RelayPolicy(
          10,
          4,
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofHours(1),
          0,
          Duration.ofDays(3),
          Duration.ofMillis(500));

  @Test
  void retryDelaysDoubleFromTheFirstUpToTheCap() {
    SplittableRandom random = new SplittableRandom(1);
    assertThat(NO_JITTER.retryDelay(1, random)).isEqualTo(Duration.ofSeconds(5));
    assertThat(NO_JITTER.retryDelay(2, random)).isEqualTo(Duration.ofSeconds(10));
    assertThat(NO_JITTER.retryDelay(10, random)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(NO_JITTER.retryDelay(11, random)).isEqualTo(Duration.ofHours(1));
    assertThat(NO_JITTER.retryDelay(1_000_000, random)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterStaysWithinItsBoundsForEveryRetry() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    RelayPolicy policy = RelayPolicy.DEFAULTS;
    for (int i = 0; i < 10_000; i++) {
      int retry = 1 + random.nextInt(100);
      long base = NO_JITTER.retryDelay(retry, random).toMillis();
      long jittered = policy.retryDelay(retry, random).toMillis();
      assertThat(jittered)
          .as("seed %d retry %d", seed, retry)
          .isBetween(Math.round(base * 0.8) - 1, Math.round(base * 1.2) + 1);
    }
  }

  @Test
  void theDefaultsKeepRetryingForThreeDaysAndThenGiveUp() {
    SplittableRandom random = new SplittableRandom(7);
    Instant created = Instant.parse("2026-01-01T00:00:00Z");
    Instant at = created;
    int attempts = 1;
    while (true) {
      Instant next = at.plus(RelayPolicy.DEFAULTS.retryDelay(attempts, random));
      if (!RelayPolicy.DEFAULTS.withinHorizon(created, next)) {
        break;
      }
      at = next;
      attempts++;
    }
    assertThat(Duration.between(created, at)).isBetween(Duration.ofHours(70), Duration.ofDays(3));
    assertThat(attempts).isBetween(70, 90);
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(
            () -> NO_JITTER.withRetryDelays(Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .hasMessageContaining("maxRetryDelay");
    assertThatThrownBy(() -> NO_JITTER.withHorizon(Duration.ZERO)).hasMessageContaining("horizon");
    assertThatThrownBy(() -> NO_JITTER.retryDelay(0, new SplittableRandom()))
        .hasMessageContaining("from 1");
    assertThatThrownBy(
            () ->
                new RelayPolicy(
                    0,
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    0,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1)))
        .hasMessageContaining("batchSize");
  }
}
