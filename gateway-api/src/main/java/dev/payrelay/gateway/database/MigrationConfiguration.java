package dev.payrelay.gateway.database;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs the Flyway migrations at start-up (Spring Boot's default) and, when they fail, says which
 * database they failed on, so {@link DatabaseFailureAnalyzer} can name it.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

  @Bean
  FlywayMigrationStrategy namedMigration(Environment environment) {
    return flyway -> {
      try {
        flyway.migrate();
      } catch (FlywayException e) {
        String url = environment.getProperty("spring.flyway.url", "(the configured PostgreSQL)");
        String display;
        try {
          display = DatabaseUrl.parse(url, "spring.flyway.url").display();
        } catch (InvalidDatabaseConfigurationException notParsable) {
          display = DatabaseUrl.redact(url);
        }
        throw new DatabaseMigrationException(display, e);
      }
    };
  }
}
