package dev.payrelay.gateway.database;

/** The schema migrations could not run; carries which database, without credentials. */
public class DatabaseMigrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String database;

  DatabaseMigrationException(String database, Throwable cause) {
    super("Migrating " + database + " failed: " + cause.getMessage(), cause);
    this.database = database;
  }

  /** The database as logs may show it: {@code postgresql://host:port/name}. */
  public String database() {
    return database;
  }
}
