package dev.payrelay.gateway.database;

import dev.payrelay.gateway.config.DatabaseProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides which PostgreSQL the node talks to, before any bean exists, and fills in what Spring's
 * R2DBC (the application) and Flyway (migrations, over JDBC) configuration need:
 *
 * <ol>
 *   <li>explicit {@code spring.r2dbc.url}, {@code spring.flyway.url} or {@code
 *       spring.datasource.url}: used as given, the missing counterpart derived from it;
 *   <li>else {@code payrelay.database.url} ({@code PAYRELAY_DATABASE_URL});
 *   <li>else the embedded PostgreSQL under the data directory, started lazily when the application
 *       first asks for a database URL, so that a test which supplies its own database later
 *       (through a higher-priority property source) never starts one.
 * </ol>
 *
 * Derived values sit at the lowest precedence: anything the operator sets explicitly wins.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String DERIVED_SOURCE = "payrelayDatabase";

  /** Must match the default of {@code payrelay.data-dir} in {@code PayRelayProperties}. */
  static final Path DEFAULT_DATA_DIR = Path.of("./data");

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 10;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Binder binder = Binder.get(environment);
    DatabaseProperties settings =
        binder.bindOrCreate("payrelay.database", Bindable.of(DatabaseProperties.class));
    DatabaseUrl configured = explicitlyConfigured(environment, settings);
    if (configured != null && configured.username() == null) {
      throw new InvalidDatabaseConfigurationException(
          "The database "
              + configured.display()
              + " is configured without a user: put it in the URL"
              + " (postgresql://user:password@host:5432/database) or set"
              + " payrelay.database.username.");
    }
    if (configured != null) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource(DERIVED_SOURCE, asSpring(configured)));
      return;
    }
    int port = settings.embedded().port();
    if (port < 0 || port > 65_535) {
      throw new InvalidDatabaseConfigurationException(
          "payrelay.database.embedded.port must be between 0 (any free port) and 65535, got "
              + port
              + ".");
    }
    if (!settings.embedded().enabled()) {
      throw new InvalidDatabaseConfigurationException(
          "No database is configured and payrelay.database.embedded.enabled is false: set"
              + " payrelay.database.url (PAYRELAY_DATABASE_URL) to a PostgreSQL URL.");
    }
    Path dataDir =
        binder.bind("payrelay.data-dir", Bindable.of(Path.class)).orElse(DEFAULT_DATA_DIR);
    environment
        .getPropertySources()
        .addLast(new EmbeddedDatabasePropertySource(environment, dataDir, port));
  }

  private static DatabaseUrl explicitlyConfigured(
      ConfigurableEnvironment env, DatabaseProperties settings) {
    String r2dbc = env.getProperty("spring.r2dbc.url");
    if (r2dbc != null && !r2dbc.isBlank()) {
      return DatabaseUrl.parse(r2dbc, "spring.r2dbc.url")
          .withCredentials(
              env.getProperty("spring.r2dbc.username"), env.getProperty("spring.r2dbc.password"));
    }
    for (String property : new String[] {"spring.flyway.url", "spring.datasource.url"}) {
      String jdbc = env.getProperty(property);
      if (jdbc != null && !jdbc.isBlank()) {
        String prefix =
            property.startsWith("spring.flyway") ? "spring.flyway." : "spring.datasource.";
        String userKey = prefix + (prefix.equals("spring.flyway.") ? "user" : "username");
        return DatabaseUrl.parse(jdbc, property)
            .withCredentials(env.getProperty(userKey), env.getProperty(prefix + "password"));
      }
    }
    if (settings.hasUrl()) {
      return DatabaseUrl.parse(settings.url(), "payrelay.database.url")
          .withCredentials(settings.username(), settings.password());
    }
    return null;
  }

  /** The Spring properties that point R2DBC and Flyway at {@code url}. */
  static Map<String, Object> asSpring(DatabaseUrl url) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.r2dbc.url", url.r2dbcUrl());
    p.put("spring.flyway.url", url.jdbcUrl());
    if (url.username() != null) {
      p.put("spring.r2dbc.username", url.username());
      p.put("spring.flyway.user", url.username());
    }
    if (url.password() != null) {
      p.put("spring.r2dbc.password", url.password());
      p.put("spring.flyway.password", url.password());
    }
    p.put("payrelay.database.display", url.display());
    return p;
  }
}
