package dev.payrelay.wallet.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC endpoint on 127.0.0.1 that forwards to a real node (anvil) but answers the first
 * requests with scripted faults: HTTP 429 with {@code Retry-After}, 503, 401, JSON-RPC errors, or
 * no answer at all. It records when each request arrived and its {@code Authorization} header.
 */
final class FaultyEndpoint implements AutoCloseable {

  enum Fault {
    TOO_MANY_REQUESTS,
    SERVICE_UNAVAILABLE,
    UNAUTHORIZED,
    HANG,
    INVALID_PARAMS,
    LIMIT_EXCEEDED
  }

  /** How long a hanging answer holds its thread at most, if the test never closes the endpoint. */
  private static final long MAX_HANG_SECONDS = 30;

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final Deque<Fault> script = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile Fault always;
  private volatile String retryAfter = "1";

  private FaultyEndpoint(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  static FaultyEndpoint forwardingTo(URI upstream) throws IOException {
    return new FaultyEndpoint(upstream);
  }

  /** The next {@code times} requests get {@code fault}; later ones are forwarded. */
  synchronized FaultyEndpoint failNext(int times, Fault fault) {
    for (int i = 0; i < times; i++) {
      script.add(fault);
    }
    return this;
  }

  /** Every request gets {@code fault}. */
  FaultyEndpoint failAlways(Fault fault) {
    always = fault;
    return this;
  }

  /** The {@code Retry-After} value sent with 429. */
  FaultyEndpoint retryAfter(String value) {
    retryAfter = value;
    return this;
  }

  /** {@code http://127.0.0.1:port/}. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Like {@link #url()} with credentials and an API key in the path, as hosted nodes have. */
  URI urlWithSecrets() {
    return URI.create(
        "http://alice:s3cret-pass@127.0.0.1:" + server.getAddress().getPort() + "/v3/SECRET-KEY");
  }

  int requests() {
    return arrivals.size();
  }

  /** Milliseconds between request {@code i} and request {@code i + 1}. */
  long gapMillis(int i) {
    return TimeUnit.NANOSECONDS.toMillis(arrivals.get(i + 1) - arrivals.get(i));
  }

  List<String> authorizations() {
    return authorizations;
  }

  private synchronized Fault nextFault() {
    return always != null ? always : script.poll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    arrivals.add(System.nanoTime());
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(auth == null ? "" : auth);
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Fault fault = nextFault();
      if (fault == null) {
        forward(exchange, body);
        return;
      }
      switch (fault) {
        case TOO_MANY_REQUESTS -> {
          exchange.getResponseHeaders().add("Retry-After", retryAfter);
          send(exchange, 429, "rate limited");
        }
        case SERVICE_UNAVAILABLE -> send(exchange, 503, "upstream down");
        case UNAUTHORIZED -> send(exchange, 401, "invalid API key");
        case HANG -> hang();
        case INVALID_PARAMS -> send(exchange, 200, rpcError(body, -32602, "invalid params"));
        case LIMIT_EXCEEDED -> send(exchange, 200, rpcError(body, -32005, "limit exceeded"));
      }
    }
  }

  private void hang() {
    try {
      released.await(MAX_HANG_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange, String body) throws IOException {
    try {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(upstream)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      send(exchange, answer.statusCode(), answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(exchange, 502, "interrupted");
    }
  }

  private static String rpcError(String request, int code, String message) {
    Matcher id = ID.matcher(request);
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + (id.find() ? id.group(1) : "null")
        + ",\"error\":{\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\"}}";
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
