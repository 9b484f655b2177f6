package dev.payrelay.gateway.database;

/** The embedded PostgreSQL could not be started or prepared. */
public class EmbeddedDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  EmbeddedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
