package dev.payrelay.gateway.apikeys;

import dev.payrelay.gateway.apikeys.ApiKeyRecords.Origin;
import dev.payrelay.gateway.auth.ApiKeyToken;
import dev.payrelay.gateway.auth.Scope;
import io.r2dbc.spi.ConnectionFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * At start-up: makes sure the default store exists, then gives it an admin key (every scope). With
 * {@link BootstrapKey} configured, that key (a changed one revokes the previous bootstrap key);
 * otherwise, on the first start only, a generated key printed once in a WARN line. The store's row
 * is locked meanwhile, so nodes starting together on one database do this once.
 */
@Component
class DefaultStoreBootstrap implements ApplicationRunner {

  static final String SHOWN_ONCE = "Admin API key for the default store (shown once): ";
  static final String DEFAULT_STORE_NAME = "Default store";
  static final String BOOTSTRAP_LABEL = "admin (" + BootstrapKey.ENVIRONMENT + ")";
  static final String GENERATED_LABEL = "admin (generated at first start)";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(DefaultStoreBootstrap.class);

  private final BootstrapKey configured;
  private final ApiKeyRecords keys;
  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  DefaultStoreBootstrap(
      BootstrapKey configured,
      ApiKeyRecords keys,
      @Lazy DatabaseClient db,
      @Lazy ConnectionFactory connections,
      Clock clock) {
    this.configured = configured;
    this.keys = keys;
    this.db = db;
    this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    this.clock = clock;
  }

  /** Runs on the main thread during start-up, never on an event loop, so it may wait. */
  @Override
  public void run(ApplicationArguments args) {
    String shown = transactions.transactional(bootstrap()).block(STARTUP_TIMEOUT);
    if (shown != null && !shown.isEmpty()) {
      // Only after the commit: a key is never shown that the database does not hold.
      log.warn(SHOWN_ONCE + "{} (store it now: it is never shown again)", shown);
    }
  }

  /** The generated key to show, or "" when there is none to show. */
  private Mono<String> bootstrap() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return db.sql(
            "INSERT INTO stores (name, is_default) VALUES (:name, TRUE)"
                + " ON CONFLICT (is_default) WHERE is_default DO NOTHING")
        .bind("name", DEFAULT_STORE_NAME)
        .then()
        .then(
            db.sql("SELECT id FROM stores WHERE is_default FOR UPDATE")
                .map(row -> row.get("id", UUID.class))
                .one())
        .flatMap(
            store ->
                configured.token().isPresent()
                    ? useConfigured(store, configured.token().get(), now).thenReturn("")
                    : generateOnFirstStart(store, now));
  }

  private Mono<Void> useConfigured(UUID store, ApiKeyToken token, Instant now) {
    return db.sql("SELECT store_id, origin, revoked_at FROM api_keys WHERE prefix = :prefix")
        .bind("prefix", token.prefix())
        .map(
            row ->
                new Existing(
                    row.get("store_id", UUID.class),
                    row.get("origin", String.class),
                    row.get("revoked_at", Instant.class) != null))
        .one()
        .map(existing -> update(store, token, existing))
        .switchIfEmpty(Mono.fromSupplier(() -> replace(store, token, now)))
        .flatMap(m -> m);
  }

  private record Existing(UUID store, String origin, boolean revoked) {}

  private Mono<Void> update(UUID store, ApiKeyToken token, Existing existing) {
    if (!existing.store().equals(store) || !Origin.BOOTSTRAP.value.equals(existing.origin())) {
      return Mono.error(
          new InvalidBootstrapKeyException(
              BootstrapKey.PROPERTY
                  + " ("
                  + BootstrapKey.ENVIRONMENT
                  + ") has the prefix of an API key created otherwise; choose another key."));
    }
    if (existing.revoked()) {
      log.warn(
          "The bootstrap API key {} was revoked and stays revoked; set {} to a new key to get an"
              + " admin key",
          token,
          BootstrapKey.ENVIRONMENT);
      return Mono.empty();
    }
    // The same key, or its secret changed: the stored hash and the scopes follow the configuration.
    return db.sql(
            "UPDATE api_keys SET secret_hash = :hash, scopes = :scopes WHERE prefix = :prefix")
        .bind("hash", token.hash())
        .bind("scopes", allScopes().stream().map(Scope::value).toArray(String[]::new))
        .bind("prefix", token.prefix())
        .then();
  }

  private Mono<Void> replace(UUID store, ApiKeyToken token, Instant now) {
    return db.sql(
            "UPDATE api_keys SET revoked_at = :now"
                + " WHERE store_id = :store AND origin = 'bootstrap' AND revoked_at IS NULL")
        .bind("now", now)
        .bind("store", store)
        .fetch()
        .rowsUpdated()
        .doOnNext(
            n -> {
              if (n > 0) {
                log.info(
                    "The previous bootstrap API key was revoked: {} changed",
                    BootstrapKey.ENVIRONMENT);
              }
            })
        .then(keys.insert(store, token, BOOTSTRAP_LABEL, allScopes(), Origin.BOOTSTRAP, now))
        .doOnNext(id -> log.info("Bootstrap API key {} is the default store's admin key", token))
        .then();
  }

  private Mono<String> generateOnFirstStart(UUID store, Instant now) {
    return db.sql("SELECT EXISTS (SELECT 1 FROM api_keys WHERE store_id = :store) AS found")
        .bind("store", store)
        .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
        .one()
        .flatMap(
            found -> {
              if (found) {
                return Mono.just("");
              }
              ApiKeyToken token = ApiKeyToken.generate(random);
              return keys.insert(store, token, GENERATED_LABEL, allScopes(), Origin.GENERATED, now)
                  .thenReturn(token.value());
            });
  }

  private static EnumSet<Scope> allScopes() {
    return EnumSet.allOf(Scope.class);
  }
}
