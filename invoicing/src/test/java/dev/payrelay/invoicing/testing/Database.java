package dev.payrelay.invoicing.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * One empty database created for a test by {@link TestDatabase#fresh(String)}.
 *
 * @param name the database name, e.g. {@code t_migrationstest_k3x9q_1}
 * @param jdbcUrl e.g. {@code jdbc:postgresql://localhost:54321/t_migrationstest_k3x9q_1}
 * @param r2dbcUrl e.g. {@code r2dbc:postgresql://localhost:54321/t_migrationstest_k3x9q_1}
 * @param username the user that owns the database
 * @param password that user's password
 */
public record Database(
    String name, String jdbcUrl, String r2dbcUrl, String username, String password) {

  /** Where the build puts {@code db/migrations/*.sql}. */
  public static final String MIGRATIONS = "classpath:db/migration";

  /**
   * Applies the project's Flyway migrations that this database does not have yet.
   *
   * @return the number of migrations applied (0 when it was up to date)
   */
  public int migrate() {
    return Flyway.configure()
        .dataSource(jdbcUrl, username, password)
        .locations(MIGRATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** Opens a new JDBC connection (auto-commit on); the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "Database[" + jdbcUrl + ", user " + username + "]";
  }
}
