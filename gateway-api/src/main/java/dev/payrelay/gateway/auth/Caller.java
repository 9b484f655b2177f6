package dev.payrelay.gateway.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: an authenticated API key of one store. Every query a handler makes on the
 * caller's behalf is restricted to {@link #storeId()}; another store's rows are "not found".
 *
 * @param storeId the store the key belongs to
 * @param apiKeyId the key's id ({@code api_keys.id}), for audit trails; never the key itself
 * @param scopes what the key may do
 */
public record Caller(UUID storeId, UUID apiKeyId, Set<Scope> scopes) {

  public Caller {
    Objects.requireNonNull(storeId, "storeId");
    Objects.requireNonNull(apiKeyId, "apiKeyId");
    scopes =
        Collections.unmodifiableSet(
            scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes));
  }

  /** Whether the key holds {@code scope}. */
  public boolean has(Scope scope) {
    return scopes.contains(scope);
  }
}
