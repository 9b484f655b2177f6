package dev.payrelay.gateway.database;

/** The database configuration cannot work; the message says which property and why. */
public class InvalidDatabaseConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidDatabaseConfigurationException(String message) {
    super(message);
  }
}
