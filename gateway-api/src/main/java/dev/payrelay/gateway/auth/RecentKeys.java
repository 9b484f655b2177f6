package dev.payrelay.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API key rows read in the last {@link #FRESH_FOR}, by prefix, so that a client sending many
 * requests with one key costs one {@code api_keys} read per second instead of one per request.
 *
 * <p>Only the row is kept, never a verdict: every request still hashes its key and compares it with
 * the row's hash, so a wrong secret with a known prefix is refused as before. A key revoked through
 * this node is {@linkplain #forget forgotten} at once; a key revoked through another node sharing
 * the database stops working here within {@link #FRESH_FOR}. Unknown prefixes are not kept: they
 * are read from the database every time, as before.
 *
 * <p>Bounded by {@link #MAX_KEYS}: when full, everything is dropped and read again (the cost of a
 * miss is one statement, so a simple bound beats a precise eviction order here).
 */
final class RecentKeys {

  /** How long a key's row is used without reading it again; the delay of a remote revocation. */
  static final Duration FRESH_FOR = Duration.ofSeconds(1);

  /** Rows kept at most (a few hundred bytes each). */
  static final int MAX_KEYS = 10_000;

  private record Entry(ApiKeyLookup.KeyRow row, Instant readAt) {}

  private final ConcurrentHashMap<String, Entry> byPrefix = new ConcurrentHashMap<>();

  /** Counts {@link #forget} calls: a row read before one is not kept after it. */
  private long forgotten;

  /** The row read for {@code prefix} less than {@link #FRESH_FOR} before {@code now}, if any. */
  Optional<ApiKeyLookup.KeyRow> fresh(String prefix, Instant now) {
    Entry e = byPrefix.get(prefix);
    if (e == null || !now.isBefore(e.readAt().plus(FRESH_FOR)) || now.isBefore(e.readAt())) {
      return Optional.empty();
    }
    return Optional.of(e.row());
  }

  /** To pass to {@link #keep}: taken before reading a row. */
  synchronized long generation() {
    return forgotten;
  }

  /**
   * Keeps {@code row}, read from the database at {@code readAt}, unless a key was forgotten since
   * {@code generation} (then the row may predate a revocation).
   */
  synchronized void keep(String prefix, ApiKeyLookup.KeyRow row, Instant readAt, long generation) {
    if (generation != forgotten) {
      return;
    }
    if (byPrefix.size() >= MAX_KEYS) {
      byPrefix.clear();
    }
    byPrefix.put(prefix, new Entry(row, readAt));
  }

  /**
   * Notes that {@code prefix}'s key was recorded as used at {@code usedAt}, so the requests that
   * follow within {@link #FRESH_FOR} do not record it again.
   */
  void used(String prefix, Instant usedAt) {
    byPrefix.computeIfPresent(
        prefix, (p, e) -> new Entry(e.row().withLastUsedAt(usedAt), e.readAt()));
  }

  /** Drops the key {@code keyId}: its next request reads the database. */
  synchronized void forget(UUID keyId) {
    forgotten++;
    byPrefix.values().removeIf(e -> e.row().id().equals(keyId));
  }
}
