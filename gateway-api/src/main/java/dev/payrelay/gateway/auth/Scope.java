package dev.payrelay.gateway.auth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an API key may do. Each endpoint requires exactly one scope (see {@link Access#require}); a
 * key holds one or more. The wire form ({@link #value()}, e.g. {@code invoices:write}) is what the
 * API, the database and the OpenAPI contract use.
 */
public enum Scope {
  INVOICES_READ("invoices:read"),
  INVOICES_WRITE("invoices:write"),
  KEYS_MANAGE("keys:manage"),
  NODE_READ("node:read"),
  NETWORK_MANAGE("network:manage"),
  WEBHOOKS_MANAGE("webhooks:manage");

  private static final String KNOWN =
      Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "));

  private final String value;

  Scope(String value) {
    this.value = value;
  }

  /** The wire form, e.g. {@code invoices:read}. */
  public String value() {
    return value;
  }

  /**
   * The scope whose wire form is {@code value} (exact, case-sensitive).
   *
   * @throws IllegalArgumentException naming the known scopes, if there is none
   */
  public static Scope parse(String value) {
    for (Scope scope : values()) {
      if (scope.value.equals(value)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "unknown scope '" + abbreviate(value) + "'; known scopes are " + KNOWN);
  }

  /** The known scopes' wire forms, comma-separated, for messages. */
  public static String known() {
    return KNOWN;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String abbreviate(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
