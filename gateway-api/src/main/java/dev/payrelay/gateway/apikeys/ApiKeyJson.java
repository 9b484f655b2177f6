package dev.payrelay.gateway.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON of {@code /v1/api-keys} (schemas {@code ApiKeyCreate}, {@code ApiKey}, ...). */
final class ApiKeyJson {

  private ApiKeyJson() {}

  /** {@code ApiKeyCreate}. */
  record Create(String label, List<String> scopes) {}

  /** {@code ApiKey}: never the secret. */
  record Key(
      UUID id,
      String prefix,
      String label,
      List<String> scopes,
      Instant createdAt,
      Instant lastUsedAt) {

    static Key of(ApiKeyRecords.Listed k) {
      return new Key(k.id(), k.prefix(), k.label(), k.scopes(), k.createdAt(), k.lastUsedAt());
    }
  }

  /** {@code ApiKeyCreated}: the only answer that carries the secret {@code key}. */
  record Created(
      UUID id,
      String prefix,
      String label,
      List<String> scopes,
      Instant createdAt,
      Instant lastUsedAt,
      String key) {}

  /** {@code ApiKeyList}. */
  record KeyList(List<Key> data) {}
}
