package dev.payrelay.gateway.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP webhook receiver in the test JVM (JDK HttpServer on 127.0.0.1): records every request
 * (headers in lower case, raw body) and answers the status its responder chooses for the n-th
 * request (0-based).
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  record Received(Map<String, String> headers, String body, int answered) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile IntUnaryOperator responder;

  WebhookReceiver(IntUnaryOperator responder) throws IOException {
    this.responder = responder;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/hook",
        exchange -> {
          Map<String, String> headers = new TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int status;
          synchronized (this) {
            status = this.responder.applyAsInt(received.size());
            received.add(new Received(headers, body, status));
          }
          byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** Always 200. */
  static WebhookReceiver accepting() throws IOException {
    return new WebhookReceiver(n -> 200);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  /** Polls (bounded) until {@code condition} holds; fails with {@code what} otherwise. */
  static void await(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
