package dev.payrelay.gateway.auth;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads {@code api_keys} for authentication, and records when a key was last used. */
@Repository
class ApiKeyLookup {

  /** A key's row, without anything that could be shown to a caller. */
  record KeyRow(
      UUID id,
      UUID storeId,
      byte[] secretHash,
      Set<Scope> scopes,
      Instant revokedAt,
      Instant lastUsedAt) {

    KeyRow withLastUsedAt(Instant usedAt) {
      return new KeyRow(id, storeId, secretHash, scopes, revokedAt, usedAt);
    }
  }

  private final DatabaseClient db;

  /**
   * The client is resolved on first use: this bean is created early (its package sorts first), and
   * opening the connection pool must not come before the configuration is validated.
   */
  ApiKeyLookup(@Lazy DatabaseClient db) {
    this.db = db;
  }

  Mono<KeyRow> byPrefix(String prefix) {
    return db.sql(
            "SELECT id, store_id, secret_hash, scopes, revoked_at, last_used_at"
                + " FROM api_keys WHERE prefix = :prefix")
        .bind("prefix", prefix)
        .map(ApiKeyLookup::row)
        .one();
  }

  /** Sets {@code last_used_at} to {@code now} unless another request did since {@code due}. */
  Mono<Void> touch(UUID id, Instant now, Instant due) {
    return db.sql(
            "UPDATE api_keys SET last_used_at = :now"
                + " WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :due)")
        .bind("now", now)
        .bind("id", id)
        .bind("due", due)
        .then();
  }

  private static KeyRow row(Readable row) {
    return new KeyRow(
        row.get("id", UUID.class),
        row.get("store_id", UUID.class),
        row.get("secret_hash", byte[].class),
        scopes(row.get("scopes", String[].class)),
        row.get("revoked_at", Instant.class),
        row.get("last_used_at", Instant.class));
  }

  /** Scopes this version does not know (written by a newer one) grant nothing here. */
  static Set<Scope> scopes(String[] values) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String value : values == null ? new String[0] : values) {
      for (Scope s : Scope.values()) {
        if (s.value().equals(value)) {
          scopes.add(s);
        }
      }
    }
    return scopes;
  }
}
