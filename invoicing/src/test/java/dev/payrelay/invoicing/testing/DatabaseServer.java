package dev.payrelay.invoicing.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server that tests may create databases on.
 *
 * @param description how the server was obtained, for log lines and error messages
 * @param authority {@code host:port} (or a host alone, for an external server on port 5432)
 * @param adminDatabase the database to connect to when creating others
 * @param jdbcParameters a JDBC query string such as {@code ?sslmode=disable}, or empty
 * @param username a user allowed to create databases
 * @param password that user's password
 */
record DatabaseServer(
    String description,
    String authority,
    String adminDatabase,
    String jdbcParameters,
    String username,
    String password) {

  private static final Pattern JDBC_URL =
      Pattern.compile("^jdbc:postgresql://([^/?]+)(?:/([^?]*))?(\\?.*)?$");

  /** An existing server named by a JDBC URL such as {@code jdbc:postgresql://db:5432/postgres}. */
  static DatabaseServer external(String jdbcUrl, String username, String password) {
    Matcher url = JDBC_URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalArgumentException(
          "expected jdbc:postgresql://host[:port][/database][?parameters], got " + jdbcUrl);
    }
    String database = url.group(2) == null || url.group(2).isEmpty() ? "postgres" : url.group(2);
    String parameters = url.group(3) == null ? "" : url.group(3);
    return new DatabaseServer(
        "an existing server (-D" + TestDatabase.URL_PROPERTY + ")",
        url.group(1),
        database,
        parameters,
        username,
        password);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + authority + "/" + database + jdbcParameters;
  }

  String r2dbcUrl(String database) {
    return "r2dbc:postgresql://" + authority + "/" + database;
  }

  Connection connectAdmin() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(adminDatabase), username, password);
  }

  @Override
  public String toString() {
    return description + " at " + authority;
  }
}
