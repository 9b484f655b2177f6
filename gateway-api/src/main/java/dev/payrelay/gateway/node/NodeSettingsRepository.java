package dev.payrelay.gateway.node;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code node_settings} table: facts about this node that outlive restarts. */
@Repository
class NodeSettingsRepository {

  static final String INITIALIZED_AT = "node.initialized_at";

  private final DatabaseClient db;

  NodeSettingsRepository(DatabaseClient db) {
    this.db = db;
  }

  /**
   * Records {@code now} as the moment this node's database was first used, unless an earlier moment
   * is already recorded, and returns the recorded one.
   */
  Mono<Instant> initializedAt(Instant now) {
    return db.sql(
            "INSERT INTO node_settings (name, value) VALUES (:name, :value)"
                + " ON CONFLICT (name) DO NOTHING")
        .bind("name", INITIALIZED_AT)
        .bind("value", now.toString())
        .then()
        .then(
            db.sql("SELECT value FROM node_settings WHERE name = :name")
                .bind("name", INITIALIZED_AT)
                .map(row -> Instant.parse(row.get("value", String.class)))
                .one());
  }
}
