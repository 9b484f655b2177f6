package dev.payrelay.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recently read API key rows: how long they are used, and when they are dropped. */
class RecentKeysTest {

  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  final RecentKeys recent = new RecentKeys();

  @Test
  void aRowIsUsedForLessThanFreshForThenReadAgain() {
    ApiKeyLookup.KeyRow row = row();
    recent.keep("prefix000001", row, T0, recent.generation());

    assertThat(recent.fresh("prefix000001", T0)).contains(row);
    assertThat(recent.fresh("prefix000001", T0.plus(RecentKeys.FRESH_FOR).minusNanos(1)))
        .contains(row);
    assertThat(recent.fresh("prefix000001", T0.plus(RecentKeys.FRESH_FOR))).isEmpty();
    assertThat(recent.fresh("prefix000001", T0.minusMillis(1))).as("clock went back").isEmpty();
    assertThat(recent.fresh("prefix000002", T0)).isEmpty();
  }

  @Test
  void aForgottenKeyIsReadAgainAtOnceAndARowReadBeforeIsNotKept() {
    ApiKeyLookup.KeyRow row = row();
    ApiKeyLookup.KeyRow other = row();
    recent.keep("prefix000001", row, T0, recent.generation());
    recent.keep("prefix000002", other, T0, recent.generation());
    long before = recent.generation();

    recent.forget(row.id());

    assertThat(recent.fresh("prefix000001", T0)).isEmpty();
    assertThat(recent.fresh("prefix000002", T0)).contains(other);
    recent.keep("prefix000001", row, T0, before);
    assertThat(recent.fresh("prefix000001", T0)).as("read before the revocation").isEmpty();
    recent.keep("prefix000001", row, T0, recent.generation());
    assertThat(recent.fresh("prefix000001", T0)).contains(row);
  }

  @Test
  void aRecordedUseIsRemembered() {
    recent.keep("prefix000001", row(), T0, recent.generation());

    recent.used("prefix000001", T0.plusMillis(5));

    assertThat(recent.fresh("prefix000001", T0))
        .get()
        .extracting(ApiKeyLookup.KeyRow::lastUsedAt)
        .isEqualTo(T0.plusMillis(5));
  }

  @Test
  void neverHoldsMoreThanMaxKeys() {
    for (int i = 0; i <= RecentKeys.MAX_KEYS; i++) {
      recent.keep("p" + i, row(), T0, recent.generation());
    }
    int kept = 0;
    for (int i = 0; i <= RecentKeys.MAX_KEYS; i++) {
      kept += recent.fresh("p" + i, T0).isPresent() ? 1 : 0;
    }
    assertThat(kept).isBetween(1, RecentKeys.MAX_KEYS);
  }

  private static ApiKeyLookup.KeyRow row() {
    return new ApiKeyLookup.KeyRow(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new byte[32],
        EnumSet.of(Scope.INVOICES_WRITE),
        null,
        null);
  }
}
