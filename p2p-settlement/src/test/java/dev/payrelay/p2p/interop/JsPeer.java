package dev.payrelay.p2p.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.core.PeerId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A js-libp2p peer in its own Node.js process ({@code tools/libp2p/peer.mjs}), driven over stdin
 * and stdout with one JSON object per line: {@link #call} sends a command and waits for its answer;
 * unsolicited events collect in {@link #events()}. Its stderr goes to {@code
 * target/js-peer-<pid>.log} (with js-libp2p's wire logs when {@code PAYRELAY_JS_DEBUG} is set, e.g.
 * to {@code libp2p:yamux*}). Public for the benchmark in {@code bench/}, which runs two of them.
 *
 * <p>Node.js is taken from {@code PAYRELAY_NODE} or the PATH; the npm packages from {@code
 * tools/libp2p/node_modules} ({@code bash tools/install}). Either missing fails the test with a
 * message naming it.
 */
public final class JsPeer implements AutoCloseable {

  /** How long one command may take. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream stdin;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<JsonNode> listening = new CompletableFuture<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final PeerId peerId;
  private final Multiaddr address;

  private JsPeer(Process process) throws IOException {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread reader = new Thread(this::readStdout, "js-peer-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    JsonNode ready = await(listening, Duration.ofSeconds(60), "the js peer to start listening");
    this.peerId = PeerId.parse(ready.get("peerId").asText());
    this.address = Multiaddr.parse(ready.get("addrs").get(0).asText());
  }

  /** Starts a js peer listening on a free loopback port, with the given command extensions. */
  public static JsPeer start(String... extensions) throws IOException {
    Path folder = toolsFolder();
    String node = System.getenv().getOrDefault("PAYRELAY_NODE", "node");
    List<String> command = new java.util.ArrayList<>(List.of(node, "peer.mjs"));
    for (String extension : extensions) {
      command.add("--with=" + extension);
    }
    Path log = Path.of("target", "js-peer-" + ProcessHandle.current().pid() + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    String debug =
        System.getenv()
            .getOrDefault(
                "PAYRELAY_JS_DEBUG",
                System.getProperty("payrelay.jsDebug")); // e.g. libp2p:yamux*: wire logs to the log
    if (debug != null) {
      builder.environment().put("DEBUG", debug);
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Node.js is needed for the js-libp2p interop tests but '"
              + node
              + "' could not be run (install Node.js 20+ or set PAYRELAY_NODE): "
              + e.getMessage(),
          e);
    }
    return new JsPeer(process);
  }

  public PeerId peerId() {
    return peerId;
  }

  /** Its listen address, with {@code /p2p/}. */
  public Multiaddr address() {
    return address;
  }

  /** Sends {@code cmd} with {@code args}; returns the {@code result}, or fails with its error. */
  public JsonNode call(String cmd, Map<String, Object> args) {
    long id = nextId.getAndIncrement();
    ObjectNode request = JSON.valueToTree(args);
    request.put("id", id);
    request.put("cmd", cmd);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      synchronized (stdin) {
        stdin.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
    } catch (IOException e) {
      throw new IllegalStateException("the js peer does not take commands any more", e);
    }
    JsonNode response = await(answer, CALL_TIMEOUT, "the js peer's answer to " + cmd);
    if (!response.path("ok").asBoolean()) {
      throw new IllegalStateException("js peer: " + cmd + " failed: " + response.path("error"));
    }
    return response.get("result");
  }

  public List<JsonNode> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close(); // the script stops its node and exits when stdin ends
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void readStdout() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode message = JSON.readTree(line);
        if (message.has("id") && pending.containsKey(message.get("id").asLong())) {
          pending.remove(message.get("id").asLong()).complete(message);
        } else if ("listening".equals(message.path("event").asText())) {
          listening.complete(message);
        } else {
          events.add(message);
        }
      }
    } catch (IOException e) {
      // the process ended; fall through
    }
    IllegalStateException gone =
        new IllegalStateException("the js peer exited (see target/js-peer-*.log)");
    listening.completeExceptionally(gone);
    pending.values().forEach(future -> future.completeExceptionally(gone));
  }

  private static Path toolsFolder() {
    String root = System.getProperty("payrelay.root");
    Path base = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    Path folder = base.resolve("tools/libp2p").toAbsolutePath().normalize();
    if (!Files.isDirectory(folder.resolve("node_modules/libp2p"))) {
      throw new IllegalStateException(
          "the js-libp2p interop tests need the npm packages of "
              + folder
              + " (run: bash tools/install, which runs npm ci there)");
    }
    return folder;
  }

  private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("waiting for " + what + ": " + e.getCause().getMessage(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no sign of " + what + " within " + timeout, e);
    }
  }
}
