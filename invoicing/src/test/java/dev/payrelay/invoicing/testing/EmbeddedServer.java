package dev.payrelay.invoicing.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * PostgreSQL run from the zonky binaries on Maven Central, without Docker. Everything it writes
 * lives under {@code java.io.tmpdir}, which the build points at the module's {@code target/tmp}.
 */
final class EmbeddedServer {

  /** initdb has already run when this wait starts; a loaded 2-core machine needs more than 10 s. */
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  /** Trust authentication ignores it; given so that clients that insist on a password are happy. */
  private static final String PASSWORD = "postgres";

  private EmbeddedServer() {}

  /** Starts a server that a shutdown hook stops, deleting its data directory (not its log). */
  static DatabaseServer start() throws IOException {
    // zonky's own working directory: the unpacked binaries, and data directories it may clean up
    // after a JVM that was killed (it also stops their orphaned servers).
    Path workingDirectory = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    Files.createDirectories(workingDirectory);
    String instance = "data-" + UUID.randomUUID();
    // The server's own output (initdb, every statement error) goes to a file, not the test log.
    Path logFile = workingDirectory.resolve(instance + ".log");
    Redirect log = Redirect.appendTo(logFile.toFile());
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(workingDirectory.toFile())
              .setDataDirectory(workingDirectory.resolve(instance))
              .setOutputRedirector(log)
              .setErrorRedirector(log)
              .setCleanDataDirectory(true)
              .setRegisterShutdownHook(true)
              .setPGStartupWait(STARTUP_WAIT)
              // The same collation and messages on every machine.
              .setLocaleConfig("locale", "C")
              // Test data is disposable: skip the disk flushes.
              .setServerConfig("fsync", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
    } catch (IOException | RuntimeException e) {
      throw new IOException("it did not start; its output is in " + logFile, e);
    }
    return new DatabaseServer(
        "embedded PostgreSQL (zonky, data under " + workingDirectory + ")",
        "localhost:" + postgres.getPort(),
        "postgres",
        "",
        "postgres",
        PASSWORD);
  }
}
