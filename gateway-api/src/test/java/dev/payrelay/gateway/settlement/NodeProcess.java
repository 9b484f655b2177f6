package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.PayRelayApplication;
import dev.payrelay.gateway.TestNode;
import dev.payrelay.gateway.contract.ContractValidation;
import dev.payrelay.invoicing.testing.Database;
import dev.payrelay.wallet.testing.DevChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A PayRelay node in an operating-system process of its own, started from this test JVM's
 * classpath: its own test database and data directory, the shared dev chain (not watched), the
 * settlement network on a fixed loopback port (so that it comes back at the same address after a
 * restart). Its output goes to {@code target/processes/<name>.log}, printed when it fails to start.
 */
final class NodeProcess implements AutoCloseable {
  /** How long a node may take to start on a busy 2-core machine. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  final String name;
  final Database db;
  final Path dataDir;
  final int httpPort;
  final int p2pPort;
  private List<String> bootstrap = List.of();
  private Process process;
  WebTestClient http;

  NodeProcess(String name, Database db, Path dataDir) {
    this.name = name;
    this.db = db;
    this.dataDir = dataDir;
    this.httpPort = freePort();
    this.p2pPort = freePort();
  }

  /** The peers it dials at start and redials while disconnected. */
  NodeProcess bootstrap(String... multiaddrs) {
    this.bootstrap = List.of(multiaddrs);
    return this;
  }

  /** The multiaddr peers dial, once the node has printed its peer id. */
  String multiaddr(String peerId) {
    return "/ip4/127.0.0.1/tcp/" + p2pPort + "/p2p/" + peerId;
  }

  NodeProcess start() {
    Map<String, String> properties = TestNode.properties(db);
    DevChain chain = DevChain.shared();
    properties.put("payrelay.data-dir", dataDir.toString());
    properties.put("server.port", Integer.toString(httpPort));
    properties.put("payrelay.chains[0].name", "devchain");
    properties.put("payrelay.chains[0].chain-id", Long.toString(chain.chainId()));
    properties.put("payrelay.chains[0].rpc-url", chain.rpcUrl().toString());
    properties.put("payrelay.chains[0].confirmations", "1");
    // No chain watcher: a payment settles only through a proof, so what these nodes show is the
    // network's doing (relay, sync after a restart), not the home node finding it by itself.
    properties.put("payrelay.watch.enabled", "false");
    properties.put("payrelay.network.id", "processes");
    properties.put("payrelay.network.listen[0]", "/ip4/127.0.0.1/tcp/" + p2pPort);
    properties.put("payrelay.network.retry-held-every", "500ms");
    for (int i = 0; i < bootstrap.size(); i++) {
      properties.put("payrelay.network.bootstrap[" + i + "]", bootstrap.get(i));
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PayRelayApplication.class.getName());
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path log = logFile();
    try {
      Files.createDirectories(log.getParent());
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node " + name, e);
    }
    awaitHealthy();
    http =
        ContractValidation.validating(
            WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + httpPort)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    return this;
  }

  /** Stops the node as an operator would (SIGTERM: Spring closes the network and the pools). */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    URI health = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "node " + name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
        connection.setConnectTimeout(1_000);
        connection.setReadTimeout(5_000);
        if (connection.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    stop();
    throw new IllegalStateException(
        "node " + name + " not healthy within " + START_TIMEOUT + ":\n" + tail());
  }

  private Path logFile() {
    return Path.of("target", "processes", name + "-" + ProcessHandle.current().pid() + ".log");
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
