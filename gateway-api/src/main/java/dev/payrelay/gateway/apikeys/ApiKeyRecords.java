package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.auth.ApiKeyToken;
import dev.payrelay.gateway.auth.Scope;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code api_keys} table, as the key management API and the bootstrap see it. */
@Repository
class ApiKeyRecords {

  /** Where a key came from ({@code api_keys.origin}). */
  enum Origin {
    API("api"),
    BOOTSTRAP("bootstrap"),
    GENERATED("generated");

    final String value;

    Origin(String value) {
      this.value = value;
    }
  }

  /** A key as listed: never its secret or hash. */
  record Listed(
      UUID id,
      String prefix,
      String label,
      List<String> scopes,
      Instant createdAt,
      Instant lastUsedAt) {}

  private final DatabaseClient db;

  /**
   * The client is resolved on first use: this bean is created early (its package sorts first), and
   * opening the connection pool must not come before the configuration is validated.
   */
  ApiKeyRecords(@Lazy DatabaseClient db) {
    this.db = db;
  }

  Mono<UUID> insert(
      UUID store,
      ApiKeyToken token,
      String label,
      Collection<Scope> scopes,
      Origin origin,
      Instant now) {
    return db.sql(
            "INSERT INTO api_keys (store_id, prefix, secret_hash, label, scopes, origin,"
                + " created_at) VALUES (:store, :prefix, :hash, :label, :scopes, :origin, :now)"
                + " RETURNING id")
        .bind("store", store)
        .bind("prefix", token.prefix())
        .bind("hash", token.hash())
        .bind("label", label)
        .bind("scopes", scopes.stream().map(Scope::value).toArray(String[]::new))
        .bind("origin", origin.value)
        .bind("now", now)
        .map(row -> row.get("id", UUID.class))
        .one();
  }

  /** The store's live keys, newest first. */
  Flux<Listed> live(UUID store) {
    return db.sql(
            "SELECT id, prefix, label, scopes, created_at, last_used_at FROM api_keys"
                + " WHERE store_id = :store AND revoked_at IS NULL"
                + " ORDER BY created_at DESC, id DESC")
        .bind("store", store)
        .map(
            row ->
                new Listed(
                    row.get("id", UUID.class),
                    row.get("prefix", String.class),
                    row.get("label", String.class),
                    Arrays.asList(row.get("scopes", String[].class)),
                    row.get("created_at", Instant.class),
                    row.get("last_used_at", Instant.class)))
        .all();
  }

  /** Revokes a live key of {@code store}; false if there is none with that id. */
  Mono<Boolean> revoke(UUID store, UUID id, Instant now) {
    return db.sql(
            "UPDATE api_keys SET revoked_at = :now"
                + " WHERE id = :id AND store_id = :store AND revoked_at IS NULL")
        .bind("now", now)
        .bind("id", id)
        .bind("store", store)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }
}
