package dev.payrelay.invoicing.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Docker container, through Testcontainers. */
final class ContainerServer {

  static final String IMAGE = "postgres:17-alpine";

  private ContainerServer() {}

  /** Whether a Docker daemon answers. Never throws: the answer only chooses a server. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Starts a container that is stopped when the JVM exits (and by Ryuk, if the JVM dies). */
  static DatabaseServer start() {
    PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
    container.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(container::stop, "test-postgres-container-stop"));
    return new DatabaseServer(
        "Testcontainers " + IMAGE,
        container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
        container.getDatabaseName(),
        "",
        container.getUsername(),
        container.getPassword());
  }
}
