package dev.payrelay.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run by the node itself, the zero-configuration default. Its cluster
 * lives in {@code <data-dir>/postgres} and survives restarts; the unpacked server binaries live
 * beside it in {@code <data-dir>/postgres-runtime}. It listens on 127.0.0.1 only and trusts local
 * connections, which suits a developer's machine; production nodes configure a PostgreSQL of their
 * own.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  static final String DATABASE = "payrelay";
  static final String USER = "postgres";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final Path clusterDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir) {
    this.postgres = postgres;
    this.clusterDir = clusterDir;
  }

  /**
   * Starts the server on {@code port} (0 = a free port) and creates the {@code payrelay} database
   * on first use.
   */
  static EmbeddedPostgresServer start(Path dataDir, int port) {
    Path clusterDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
    Path runtimeDir = dataDir.resolve("postgres-runtime").toAbsolutePath().normalize();
    boolean fresh = !Files.exists(clusterDir.resolve("postgresql.conf"));
    long started = System.nanoTime();
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(runtimeDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(clusterDir)
              .setCleanDataDirectory(false)
              .setOverrideWorkingDirectory(runtimeDir.toFile())
              .setRegisterShutdownHook(false)
              .setPGStartupWait(STARTUP_TIMEOUT)
              .setServerConfig("listen_addresses", "127.0.0.1");
      if (port > 0) {
        builder.setPort(port);
      }
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL in "
              + clusterDir
              + " did not start: "
              + rootMessage(e)
              + ". Is another PayRelay node using this data directory? Set payrelay.data-dir to"
              + " another directory, or configure a database with PAYRELAY_DATABASE_URL.",
          e);
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, clusterDir);
    try {
      server.createDatabaseIfAbsent();
    } catch (SQLException e) {
      server.close();
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL started but the database '"
              + DATABASE
              + "' could not be created",
          e);
    }
    log.info(
        "Embedded PostgreSQL {} on 127.0.0.1:{} with data in {} ({} ms)",
        fresh ? "initialised and started" : "started",
        postgres.getPort(),
        clusterDir,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return server;
  }

  private void createDatabaseIfAbsent() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  DatabaseUrl url() {
    return new DatabaseUrl("127.0.0.1", postgres.getPort(), DATABASE, USER, "");
  }

  Path clusterDir() {
    return clusterDir;
  }

  @Override
  public void close() {
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
