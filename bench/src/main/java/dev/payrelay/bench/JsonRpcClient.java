package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain JSON-RPC client on {@code java.net.http} and Jackson, with nothing of the wallet's
 * machinery (no web3j, no Reactor, no retries): the baseline the wallet is measured against, and
 * the setup calls of the benchmarks. Thread-safe.
 */
final class JsonRpcClient {

  /** Anvil answers in milliseconds; this bounds a call on a very busy machine. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Attempts of a read, the first included; see {@link #read}. */
  static final int READ_ATTEMPTS = 3;

  /** Calls that change the chain, so never sent twice. */
  private static final Set<String> NOT_IDEMPOTENT = Set.of("eth_sendTransaction", "evm_mine");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  static {
    // The JDK retries a request whose pooled connection the server closed under it only for GET,
    // unless told otherwise; JSON-RPC is all POST. Read before the first HttpClient is built.
    System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
  }

  JsonRpcClient(URI url) {
    this.url = url;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as OkHttp speaks to an http:// endpoint
            .connectTimeout(TIMEOUT)
            .build();
  }

  /** One call; its {@code result}. Fails on a JSON-RPC error. */
  JsonNode call(String method, Object... params) {
    String body = request(method, params).toString();
    JsonNode answer = NOT_IDEMPOTENT.contains(method) ? post(body) : read(body);
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      throw new IllegalStateException(method + " failed: " + error);
    }
    return answer.get("result");
  }

  /** The request object of one call, e.g. to put in a batch. */
  ObjectNode request(String method, Object... params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object p : params) {
      array.add(JSON.valueToTree(p));
    }
    return request;
  }

  /**
   * As {@link #post}, for calls that only read: retried at once (up to {@value #READ_ATTEMPTS}
   * attempts) when the request fails with an I/O error. JDK 17's HttpClient can close a pooled
   * connection under a request that was just given it ("HTTP/1.1 header parser received no bytes",
   * caused by "connection closed locally" in its pool's cleanup), more often on a loaded machine,
   * and retries only GETs on its own. Every retry is counted: see {@link #retries()}.
   */
  JsonNode read(String body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return post(body);
      } catch (UncheckedIOException e) {
        if (attempt >= READ_ATTEMPTS) {
          throw e;
        }
        retries.incrementAndGet();
      }
    }
  }

  /** Reads retried so far by {@link #read}. */
  long retries() {
    return retries.get();
  }

  /** Sends {@code body} (a call or a batch) once and parses the answer. */
  JsonNode post(String body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer from " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static ArrayNode batch() {
    return JSON.createArrayNode();
  }
}
