package dev.payrelay.invoicing.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one PostgreSQL server of a test JVM, and fresh databases on it.
 *
 * <p>The server starts on first use, once per JVM, from the first of these that applies:
 *
 * <ol>
 *   <li>an existing server, if the system property {@value #URL_PROPERTY} holds its JDBC URL (with
 *       {@value #USER_PROPERTY} and {@value #PASSWORD_PROPERTY}); the user must be allowed to
 *       create databases, and the databases made here are dropped when the JVM exits;
 *   <li>a Testcontainers {@code postgres:17-alpine} container, if a Docker daemon answers;
 *   <li>embedded PostgreSQL 17 (zonky), with its files under {@code java.io.tmpdir} (the build sets
 *       it to the module's {@code target/tmp}).
 * </ol>
 *
 * <p>Each call of {@link #fresh(String)} creates a new, empty database, so that test classes share
 * nothing but the server:
 *
 * <pre>{@code
 * Database db = TestDatabase.fresh(MyStoreTest.class);
 * db.migrate();
 * }</pre>
 */
public final class TestDatabase {

  /** JDBC URL of an existing server to use instead of starting one. */
  public static final String URL_PROPERTY = "payrelay.test.database.url";

  /** The user for {@link #URL_PROPERTY}; default {@code postgres}. */
  public static final String USER_PROPERTY = "payrelay.test.database.user";

  /** The password for {@link #URL_PROPERTY}; default empty. */
  public static final String PASSWORD_PROPERTY = "payrelay.test.database.password";

  /** PostgreSQL's limit is 63 bytes; the label is cut so that the whole name fits. */
  private static final int MAX_LABEL_LENGTH = 40;

  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

  private static final AtomicInteger created = new AtomicInteger();
  private static final Queue<String> createdNames = new ConcurrentLinkedQueue<>();

  /** Keeps names apart when several JVMs (or runs) share an external server. */
  private static final String RUN_ID = randomRunId();

  private static DatabaseServer sharedServer;
  private static IllegalStateException startFailure;

  private TestDatabase() {}

  /** A new, empty database named after the test class. */
  public static Database fresh(Class<?> testClass) {
    return fresh(testClass.getSimpleName());
  }

  /**
   * Creates a new, empty database on this JVM's server, starting the server on first use.
   *
   * @param label part of the name, to recognise the database (e.g. the test class)
   * @throws IllegalStateException if no server could be started or the database not created
   */
  public static Database fresh(String label) {
    DatabaseServer running = server();
    String name = databaseName(label, created.incrementAndGet());
    try (Connection admin = running.connectAdmin();
        Statement statement = admin.createStatement()) {
      // The name is [a-z0-9_] only, so it needs no quoting. template0 is empty on every server.
      statement.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name + " on " + running, e);
    }
    createdNames.add(name);
    return new Database(
        name,
        running.jdbcUrl(name),
        running.r2dbcUrl(name),
        running.username(),
        running.password());
  }

  /** {@code t_<label>_<run>_<n>}: lower case letters, digits and underscores, at most 63. */
  static String databaseName(String label, int number) {
    String cleaned =
        label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (cleaned.length() > MAX_LABEL_LENGTH) {
      cleaned = cleaned.substring(0, MAX_LABEL_LENGTH);
    }
    return "t_" + (cleaned.isEmpty() ? "db" : cleaned) + "_" + RUN_ID + "_" + number;
  }

  private static synchronized DatabaseServer server() {
    if (sharedServer == null && startFailure == null) {
      long started = System.nanoTime();
      try {
        sharedServer = start();
        log.info(
            "Tests use {} on {}, ready in {} ms",
            describeVersion(sharedServer),
            sharedServer,
            (System.nanoTime() - started) / 1_000_000);
      } catch (IllegalStateException e) {
        startFailure = e;
      }
    }
    if (startFailure != null) {
      // Every later test gets the same clear answer instead of waiting for another attempt.
      throw startFailure;
    }
    return sharedServer;
  }

  private static DatabaseServer start() {
    String url = System.getProperty(URL_PROPERTY, "").trim();
    if (!url.isEmpty()) {
      return startExternal(url);
    }
    List<String> tried = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    if (ContainerServer.dockerAvailable()) {
      try {
        return ContainerServer.start();
      } catch (RuntimeException | LinkageError e) {
        log.warn(
            "Testcontainers {} did not start; trying embedded PostgreSQL",
            ContainerServer.IMAGE,
            e);
        tried.add("Testcontainers " + ContainerServer.IMAGE + " (failed: " + e + ")");
        causes.add(e);
      }
    } else {
      tried.add("Testcontainers (no Docker daemon answered)");
    }
    try {
      return EmbeddedServer.start();
    } catch (IOException | RuntimeException | LinkageError e) {
      tried.add("embedded PostgreSQL (zonky) (failed: " + e + ")");
      causes.add(e);
    }
    IllegalStateException failure =
        new IllegalStateException(
            "No PostgreSQL server for tests. Tried: "
                + String.join("; ", tried)
                + ". To use an existing server, set -D"
                + URL_PROPERTY
                + "=jdbc:postgresql://host:port/postgres (and -D"
                + USER_PROPERTY
                + ", -D"
                + PASSWORD_PROPERTY
                + ").",
            causes.isEmpty() ? null : causes.get(0));
    causes.stream().skip(1).forEach(failure::addSuppressed);
    throw failure;
  }

  private static DatabaseServer startExternal(String url) {
    try {
      DatabaseServer external =
          DatabaseServer.external(
              url,
              System.getProperty(USER_PROPERTY, "postgres"),
              System.getProperty(PASSWORD_PROPERTY, ""));
      describeVersion(external); // fails here, once, if the server cannot be reached
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> dropCreated(external), "test-database-cleanup"));
      return external;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Could not use the PostgreSQL server given by -D"
              + URL_PROPERTY
              + "="
              + url.replaceFirst("\\?.*", "?..."), // parameters may hold a password
          e);
    }
  }

  private static String describeVersion(DatabaseServer server) {
    try (Connection admin = server.connectAdmin();
        Statement statement = admin.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version")) {
      version.next();
      return "PostgreSQL " + version.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not connect to " + server, e);
    }
  }

  /** Best effort: an external server outlives the JVM, so the databases made here are dropped. */
  private static void dropCreated(DatabaseServer server) {
    try (Connection admin = server.connectAdmin();
        Statement statement = admin.createStatement()) {
      for (String name : createdNames) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      log.warn("Could not drop the test databases of run {} on {}", RUN_ID, server, e);
    }
  }

  private static String randomRunId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      id.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
    }
    return id.toString();
  }
}
