package dev.payrelay.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which PostgreSQL the node uses ({@code payrelay.database.*}).
 *
 * <p>In order of precedence: explicit {@code spring.r2dbc.*} / {@code spring.flyway.*} / {@code
 * spring.datasource.*} properties; else {@code url} (e.g. {@code
 * PAYRELAY_DATABASE_URL=postgresql://payrelay:secret@db:5432/payrelay}); else, when {@code
 * embedded.enabled}, a real PostgreSQL started by the node with its data under {@code
 * <data-dir>/postgres}.
 *
 * @param url a {@code postgresql://}, {@code jdbc:postgresql://} or {@code r2dbc:postgresql://} URL
 * @param username overrides the user in {@code url}
 * @param password overrides the password in {@code url}
 * @param embedded the zero-configuration default
 */
public record DatabaseProperties(
    String url, String username, String password, @Valid @DefaultValue Embedded embedded) {

  /**
   * @param enabled start an embedded PostgreSQL when no database URL is configured
   * @param port its port on 127.0.0.1; 0 picks a free one at each start
   */
  public record Embedded(
      @DefaultValue("true") boolean enabled, @Min(0) @Max(65_535) @DefaultValue("0") int port) {}

  /** Whether the operator configured a database of their own through {@code url}. */
  public boolean hasUrl() {
    return url != null && !url.isBlank();
  }
}
