package dev.payrelay.gateway.database;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Answers the database properties with the embedded PostgreSQL, starting it on the first question.
 * It stays silent about a property that a higher-priority source already defines, so a test or an
 * operator that supplies {@code spring.r2dbc.url} after start-up never gets an embedded server.
 */
final class EmbeddedDatabasePropertySource extends EnumerablePropertySource<Path> {

  static final String NAME = "payrelayEmbeddedDatabase";
  private static final String[] NAMES = {
    "spring.r2dbc.url",
    "spring.r2dbc.username",
    "spring.r2dbc.password",
    "spring.flyway.url",
    "spring.flyway.user",
    "spring.flyway.password",
    "payrelay.database.display"
  };

  private final ConfigurableEnvironment environment;
  private final int port;
  private EmbeddedPostgresServer server;
  private Map<String, Object> values;

  EmbeddedDatabasePropertySource(ConfigurableEnvironment environment, Path dataDir, int port) {
    super(NAME, dataDir);
    this.environment = environment;
    this.port = port;
  }

  @Override
  public String[] getPropertyNames() {
    return NAMES.clone();
  }

  @Override
  public Object getProperty(String name) {
    if (!isOurs(name) || definedElsewhere("spring.r2dbc.url")) {
      return null;
    }
    return values().get(name);
  }

  private static boolean isOurs(String name) {
    for (String n : NAMES) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean definedElsewhere(String name) {
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source != this
          && !(source.getSource() instanceof EmbeddedDatabasePropertySource)
          && !source.getName().startsWith("configurationProperties")
          && source.containsProperty(name)) {
        return true;
      }
    }
    return false;
  }

  private synchronized Map<String, Object> values() {
    if (values == null) {
      server = EmbeddedPostgresServer.start(getSource(), port);
      values = DatabaseEnvironmentPostProcessor.asSpring(server.url());
    }
    return values;
  }

  /** Stops the server if it was started; called when the application context closes. */
  synchronized void stop() {
    if (server != null) {
      server.close();
      server = null;
      values = null;
    }
  }
}
