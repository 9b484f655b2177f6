package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.persistence.StoreRepository;
import dev.payrelay.invoicing.persistence.StoreRepository.Settings;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The stores' invoice settings as last read, so that a create does not read {@code stores} first.
 *
 * <p>It never needs invalidating to be correct: the create statement writes only if the store still
 * has the settings the invoice was made with ({@code NewInvoicesStatement}); if they changed, it
 * writes nothing, and the create reads them {@linkplain #fresh afresh} and starts over. So a
 * changed setting takes effect on the next create on every node, at the cost of one retry.
 *
 * <p>Bounded by {@link #MAX_STORES}: when full, everything is dropped (a miss costs one read).
 */
final class StoreSettingsCache {

  /** Stores whose settings are kept at most (a few hundred bytes each). */
  static final int MAX_STORES = 10_000;

  private final ConcurrentHashMap<UUID, Settings> byStore = new ConcurrentHashMap<>();
  private final StoreRepository stores;
  private final DatabaseClient db;

  StoreSettingsCache(StoreRepository stores, DatabaseClient db) {
    this.stores = stores;
    this.db = db;
  }

  /** The store's settings as last read, or read now; empty if there is no such store. */
  Mono<Settings> get(UUID storeId) {
    Settings known = byStore.get(storeId);
    return known != null ? Mono.just(known) : fresh(storeId);
  }

  /** The store's settings read now; empty if there is no such store. */
  Mono<Settings> fresh(UUID storeId) {
    return stores
        .settings(db, storeId)
        .doOnNext(settings -> keep(storeId, settings))
        .switchIfEmpty(Mono.fromRunnable(() -> byStore.remove(storeId)));
  }

  /**
   * Notes that an invoice was written with {@code used}, and with the reference secret {@code
   * secret} (null if none): the store has that secret from now on.
   */
  void written(UUID storeId, Settings used, byte[] secret) {
    if (secret != null && used.referenceSecret().isEmpty()) {
      keep(
          storeId,
          new Settings(
              used.receivingAddress(),
              used.hasXpub(),
              used.defaultExpirySeconds(),
              Optional.of(secret)));
    }
  }

  private void keep(UUID storeId, Settings settings) {
    if (byStore.size() >= MAX_STORES) {
      byStore.clear();
    }
    byStore.put(storeId, settings);
  }
}
