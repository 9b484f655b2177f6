package dev.payrelay.gateway.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * POSTs one signed message (JDK {@link HttpClient}, no redirects followed) and reports what came
 * back, never more than {@value ResponseExcerpt#MAX_BYTES} bytes of the answer. Any failure is an
 * {@link Outcome}, not an error.
 */
final class WebhookSender {

  static final String USER_AGENT = "PayRelay-Webhooks/1";

  /** As {@code webhook_attempts.error} allows. */
  static final int MAX_ERROR_CHARS = 500;

  /**
   * What one attempt got.
   *
   * @param statusCode null when no HTTP answer came
   */
  record Outcome(
      boolean succeeded, Integer statusCode, long latencyMs, String responseExcerpt, String error) {

    static Outcome failed(long latencyMs, String error) {
      return new Outcome(false, null, latencyMs, null, truncate(error));
    }
  }

  private final HttpClient http;
  private final Duration timeout;

  WebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  /** Sends {@code body} to {@code url}, signed with {@code secret} as of {@code now}. */
  Mono<Outcome> send(URI url, WebhookSecret secret, String messageId, Instant now, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header(WebhookSignature.ID_HEADER, messageId)
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
            .header(
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(secret, messageId, now, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return Mono.defer(
        () -> {
          long start = System.nanoTime();
          return Mono.fromFuture(() -> http.sendAsync(request, ResponseExcerpt.handler()))
              .timeout(timeout)
              .map(response -> answered(response, millisSince(start)))
              .onErrorResume(e -> Mono.just(Outcome.failed(millisSince(start), describe(e))));
        });
  }

  private static Outcome answered(HttpResponse<byte[]> response, long latencyMs) {
    int status = response.statusCode();
    boolean ok = status >= 200 && status <= 299;
    String excerpt =
        response.body() == null
            ? null
            : storable(new String(response.body(), StandardCharsets.UTF_8));
    return new Outcome(
        ok, status, latencyMs, excerpt, ok ? null : "the endpoint answered HTTP " + status);
  }

  private static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && (cause instanceof java.util.concurrent.CompletionException
            || cause.getMessage() == null)) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "no answer within the attempt timeout";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static long millisSince(long startNanos) {
    return Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
  }

  static String truncate(String text) {
    String storable = storable(text);
    return storable == null || storable.length() <= MAX_ERROR_CHARS
        ? storable
        : storable.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }

  /** PostgreSQL text cannot hold U+0000; an answer may. */
  static String storable(String text) {
    return text == null ? null : text.replace((char) 0, '\uFFFD');
  }
}
