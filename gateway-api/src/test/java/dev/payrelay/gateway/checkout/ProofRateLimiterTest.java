package dev.payrelay.gateway.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Proof submissions per client and window, on a clock the test moves. */
class ProofRateLimiterTest {

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-22T06:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void allowsTheAttemptsOfAWindowPerClientThenSaysHowLongToWait() {
    MovableClock clock = new MovableClock();
    ProofRateLimiter limiter = new ProofRateLimiter(clock, 3, Duration.ofMinutes(1));

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("10.0.0.1")).isEmpty();
    }
    clock.now = clock.now.plusSeconds(20);
    assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofSeconds(40));
    assertThat(limiter.acquire("10.0.0.2")).as("another client").isEmpty();

    clock.now = clock.now.plusSeconds(40);
    assertThat(limiter.acquire("10.0.0.1")).as("a new window").isEmpty();
  }

  @Test
  void keepsAtMostMaxClientsAndForgetsFinishedWindows() {
    MovableClock clock = new MovableClock();
    ProofRateLimiter limiter = new ProofRateLimiter(clock, 1, Duration.ofSeconds(10));
    for (int i = 0; i < ProofRateLimiter.MAX_CLIENTS; i++) {
      assertThat(limiter.acquire("client-" + i)).isEmpty();
    }
    assertThat(limiter.acquire("one-too-many")).as("all windows live").isPresent();

    clock.now = clock.now.plusSeconds(10);
    assertThat(limiter.acquire("one-too-many")).as("finished windows dropped").isEmpty();
  }
}
