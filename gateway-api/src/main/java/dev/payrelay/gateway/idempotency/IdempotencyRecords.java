package dev.payrelay.gateway.idempotency;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code idempotency_keys} table. */
@Repository
class IdempotencyRecords {

  /** A remembered request; {@code responseStatus} is null while it is in progress. */
  record Entry(
      String method,
      String path,
      byte[] requestHash,
      boolean completed,
      Integer responseStatus,
      String responseBody,
      String responseLocation) {}

  private final DatabaseClient db;

  /**
   * The client is resolved on first use: this bean is created early (its package sorts first), and
   * opening the connection pool must not come before the configuration is validated.
   */
  IdempotencyRecords(@Lazy DatabaseClient db) {
    this.db = db;
  }

  /**
   * Claims {@code key} for a new request: true if this call inserted it (or took over an entry
   * created before {@code expiredBefore}), false if the key is taken.
   */
  Mono<Boolean> claim(
      UUID store,
      String key,
      String method,
      String path,
      byte[] hash,
      Instant now,
      Instant expiredBefore) {
    return db.sql(
            "INSERT INTO idempotency_keys (store_id, key, method, path, request_hash, status,"
                + " created_at) VALUES (:store, :key, :method, :path, :hash, 'in_progress', :now)"
                + " ON CONFLICT (store_id, key) DO UPDATE SET method = EXCLUDED.method,"
                + " path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,"
                + " status = 'in_progress', response_status = NULL, response_body = NULL,"
                + " response_location = NULL, created_at = EXCLUDED.created_at,"
                + " completed_at = NULL WHERE idempotency_keys.created_at < :expired")
        .bind("store", store)
        .bind("key", key)
        .bind("method", method)
        .bind("path", path)
        .bind("hash", hash)
        .bind("now", now)
        .bind("expired", expiredBefore)
        .fetch()
        .rowsUpdated()
        .map(n -> n > 0);
  }

  Mono<Entry> find(UUID store, String key) {
    return db.sql(
            "SELECT method, path, request_hash, status, response_status, response_body,"
                + " response_location FROM idempotency_keys WHERE store_id = :store AND key = :key")
        .bind("store", store)
        .bind("key", key)
        .map(
            row ->
                new Entry(
                    row.get("method", String.class),
                    row.get("path", String.class),
                    row.get("request_hash", byte[].class),
                    "completed".equals(row.get("status", String.class)),
                    row.get("response_status", Integer.class),
                    row.get("response_body", String.class),
                    row.get("response_location", String.class)))
        .one();
  }

  /** Stores the answer of the request that holds {@code key}. */
  Mono<Void> complete(
      UUID store, String key, int status, String body, String location, Instant now) {
    DatabaseClient.GenericExecuteSpec update =
        db.sql(
                "UPDATE idempotency_keys SET status = 'completed', response_status = :status,"
                    + " response_body = :body, response_location = :location,"
                    + " completed_at = :now"
                    + " WHERE store_id = :store AND key = :key AND status = 'in_progress'")
            .bind("store", store)
            .bind("key", key)
            .bind("status", status)
            .bind("now", now);
    update = body == null ? update.bindNull("body", String.class) : update.bind("body", body);
    update =
        location == null
            ? update.bindNull("location", String.class)
            : update.bind("location", location);
    return update.then();
  }

  /** Forgets a request that failed (and so changed nothing): the key may be used again. */
  Mono<Void> release(UUID store, String key) {
    return db.sql(
            "DELETE FROM idempotency_keys"
                + " WHERE store_id = :store AND key = :key AND status = 'in_progress'")
        .bind("store", store)
        .bind("key", key)
        .then();
  }

  /**
   * Deletes up to {@code batch} entries created before {@code cutoff}, skipping rows another
   * instance is deleting; returns how many it deleted.
   */
  Mono<Long> purge(Instant cutoff, int batch) {
    return db.sql(
            "DELETE FROM idempotency_keys WHERE (store_id, key) IN (SELECT store_id, key"
                + " FROM idempotency_keys WHERE created_at < :cutoff"
                + " LIMIT :batch FOR UPDATE SKIP LOCKED)")
        .bind("cutoff", cutoff)
        .bind("batch", batch)
        .fetch()
        .rowsUpdated();
  }
}
