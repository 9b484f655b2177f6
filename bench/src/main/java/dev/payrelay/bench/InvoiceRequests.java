package dev.payrelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/invoices} over real HTTP/1.1 with a plain {@code java.net.http} client: an
 * invoice in ETH on the dev chain with {@value #LINES} line items (tax on two, a discount on one),
 * a buyer and an order id, payable by reference. One client thread sends one request at a time, so
 * the client keeps one connection per thread. No {@code Idempotency-Key}: that is a separate cost.
 */
final class InvoiceRequests {

  static final int LINES = 3;

  /** Creating an invoice takes milliseconds; this bounds one on a very busy machine. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient http;
  private final AtomicLong orders = new AtomicLong();

  InvoiceRequests(URI baseUrl) {
    this.url = baseUrl.resolve("/v1/invoices");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /** Creates one invoice with {@code key}; fails unless the node answers 201. Returns the body. */
  String create(String key) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body("bench-" + orders.incrementAndGet())))
            .build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /v1/invoices answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  /**
   * Checks that {@code body}, an answer of {@link #create}, is the invoice asked for: open, in ETH
   * on the dev chain, with its lines and one payment option by reference.
   */
  static void check(String body) throws IOException {
    JsonNode invoice = JSON.readTree(body);
    boolean asked =
        invoice.path("status").asText().equals("OPEN")
            && invoice.path("number").asText().startsWith("INV-")
            && invoice.path("currency").path("chainId").asLong() == BenchNode.CHAIN_ID
            && invoice.path("lineItems").size() == LINES
            && invoice.path("paymentOptions").size() == 1
            && invoice.path("paymentOptions").path(0).path("method").asText().equals("reference")
            && invoice.path("paymentOptions").path(0).path("reference").asText().startsWith("0x");
    if (!asked) {
      throw new IllegalStateException("not the invoice asked for: " + body);
    }
  }

  private static String body(String orderId) {
    return "{\"currency\":{\"chainId\":"
        + BenchNode.CHAIN_ID
        + ",\"symbol\":\"ETH\"},\"lineItems\":["
        + String.join(
            ",",
            List.of(
                line("Espresso beans 1 kg", "2", "0.0125", ",\"taxRate\":\"8.25\""),
                line("Milk frother", "1", "0.021", ",\"taxRate\":\"8.25\",\"discount\":\"0.001\""),
                line("Shipping", "1", "0.002", "")))
        + "],\"buyer\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},\"orderId\":\""
        + orderId
        + "\",\"paymentMethods\":[\"reference\"]}";
  }

  private static String line(String description, String quantity, String price, String rest) {
    return "{\"description\":\""
        + description
        + "\",\"quantity\":\""
        + quantity
        + "\",\"unitPrice\":\""
        + price
        + "\""
        + rest
        + "}";
  }
}
