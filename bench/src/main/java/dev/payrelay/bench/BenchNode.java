package dev.payrelay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A real PayRelay node in this JVM, started as the README's quick start does it: no database and no
 * chain configured, so it runs its own embedded PostgreSQL and its own anvil dev chain (chain id
 * {@value #CHAIN_ID}, a free port), both under a fresh data directory. Its default store's admin
 * key is given to it. Closing it stops the node, which stops its PostgreSQL and anvil, and deletes
 * the data directory.
 */
final class BenchNode implements AutoCloseable {

  /** The dev chain's id (the node's default). */
  static final long CHAIN_ID = 1337;

  /** The node's main class; loaded by name, see bench/pom.xml. */
  private static final String APPLICATION = "dev.payrelay.gateway.PayRelayApplication";

  final URI baseUrl;
  final String adminKey;
  private final ConfigurableApplicationContext context;
  private final Path dataDir;

  private BenchNode(ConfigurableApplicationContext context, Path dataDir, String adminKey) {
    this.context = context;
    this.dataDir = dataDir;
    this.adminKey = adminKey;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts a node with its data under a new directory in {@code java.io.tmpdir}. */
  static BenchNode start() throws Exception {
    // The benchmark JVM logs through slf4j-simple; the node must not reconfigure logging.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    Path dataDir = Files.createTempDirectory("payrelay-bench-node-");
    String adminKey = BenchStores.newKey(new SecureRandom()).value();
    try {
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(Class.forName(APPLICATION))
              .run(
                  "--server.port=0",
                  "--payrelay.data-dir=" + dataDir,
                  "--payrelay.dev-chain.port=0",
                  "--payrelay.bootstrap-api-key=" + adminKey);
      return new BenchNode(context, dataDir, adminKey);
    } catch (Exception | Error e) {
      delete(dataDir);
      throw e;
    }
  }

  /** A new JDBC connection to the node's database, as its migrations use it. */
  Connection connect() throws SQLException {
    Environment env = context.getEnvironment();
    return DriverManager.getConnection(
        env.getRequiredProperty("spring.flyway.url"),
        env.getProperty("spring.flyway.user"),
        env.getProperty("spring.flyway.password", ""));
  }

  /** A property of the running node, e.g. {@code spring.r2dbc.pool.max-size}. */
  String property(String name) {
    return context.getEnvironment().getProperty(name);
  }

  /**
   * The directory of the node's PostgreSQL cluster, whose {@code postmaster.pid} names the server
   * process (for {@link CpuMeter}).
   */
  Path postgresCluster() {
    return dataDir.resolve("postgres");
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      delete(dataDir);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the node's data in " + dir, e);
    }
  }
}
