package dev.payrelay.gateway.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns database start-up failures into one sentence that says what is wrong and which setting to
 * change, instead of a page of stack trace: an unusable URL, an embedded server that would not
 * start, a server that refuses connections, a wrong password, a database that does not exist.
 */
public class DatabaseFailureAnalyzer implements FailureAnalyzer {

  private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^\\s),;'\"]+");
  private static final String ACTION =
      "Set payrelay.database.url (environment PAYRELAY_DATABASE_URL) to a reachable PostgreSQL,"
          + " e.g. postgresql://payrelay:secret@localhost:5432/payrelay, or leave every database"
          + " property unset to run the embedded PostgreSQL under payrelay.data-dir.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    InvalidDatabaseConfigurationException invalid =
        find(failure, InvalidDatabaseConfigurationException.class);
    if (invalid != null) {
      return new FailureAnalysis(invalid.getMessage(), ACTION, invalid);
    }
    EmbeddedDatabaseException embedded = find(failure, EmbeddedDatabaseException.class);
    if (embedded != null) {
      return new FailureAnalysis(embedded.getMessage(), ACTION, embedded);
    }
    String reason = connectionProblem(failure);
    if (reason != null) {
      return new FailureAnalysis(
          "PayRelay cannot use the database " + urlIn(failure) + ": " + reason, ACTION, failure);
    }
    return null;
  }

  /** Why the database could not be used, if the failure is about reaching or logging in to it. */
  private static String connectionProblem(Throwable failure) {
    ConnectException refused = find(failure, ConnectException.class);
    if (refused != null) {
      return "connection refused (" + refused.getMessage() + ").";
    }
    UnknownHostException unknown = find(failure, UnknownHostException.class);
    if (unknown != null) {
      return "unknown host " + unknown.getMessage() + ".";
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
          return firstLine(sql.getMessage()) + " (SQLState " + state + ").";
        }
      }
    }
    return null;
  }

  private static String urlIn(Throwable failure) {
    DatabaseMigrationException migration = find(failure, DatabaseMigrationException.class);
    if (migration != null) {
      return migration.database();
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        Matcher m = JDBC_URL.matcher(t.getMessage());
        if (m.find()) {
          return DatabaseUrl.redact(m.group().replaceFirst("^jdbc:", ""));
        }
      }
    }
    return "(the configured PostgreSQL)";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no reason given";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
