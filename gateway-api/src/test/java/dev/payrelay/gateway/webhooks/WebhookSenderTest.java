package dev.payrelay.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What one attempt keeps of an answer: at most 1 KiB, storable as text; redirects not followed. */
class WebhookSenderTest {

  @Test
  void keepsAtMostOneKibibyteOfAHugeAnswerAndNoNulCharacters() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext(
        "/big",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 0); // chunked, 8 MiB
          byte[] chunk = ("ok\u0000" + "x".repeat(1021)).getBytes(StandardCharsets.UTF_8);
          for (int i = 0; i < 8 * 1024; i++) {
            exchange.getResponseBody().write(chunk);
          }
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().set("Location", "http://169.254.169.254/");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
    try {
      WebhookSender sender = new WebhookSender(Duration.ofSeconds(10));
      WebhookSecret secret = WebhookSecret.generate(new SecureRandom());
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      WebhookSender.Outcome big =
          sender
              .send(URI.create(base + "/big"), secret, "m1", Instant.now(), "{}".getBytes())
              .block(Duration.ofSeconds(30));
      assertThat(big.succeeded()).isTrue();
      assertThat(big.statusCode()).isEqualTo(200);
      assertThat(big.responseExcerpt().getBytes(StandardCharsets.UTF_8).length)
          .isBetween(1000, ResponseExcerpt.MAX_BYTES + 2);
      assertThat(big.responseExcerpt()).startsWith("ok\uFFFDxxx").doesNotContain("\u0000");

      WebhookSender.Outcome moved =
          sender
              .send(URI.create(base + "/moved"), secret, "m2", Instant.now(), "{}".getBytes())
              .block(Duration.ofSeconds(30));
      assertThat(moved.succeeded()).isFalse();
      assertThat(moved.statusCode()).isEqualTo(302);

      WebhookSender.Outcome refused =
          sender
              .send(URI.create("http://127.0.0.1:1/none"), secret, "m3", Instant.now(), new byte[0])
              .block(Duration.ofSeconds(30));
      assertThat(refused.succeeded()).isFalse();
      assertThat(refused.statusCode()).isNull();
      assertThat(refused.error()).isNotBlank();
    } finally {
      server.stop(0);
    }
  }
}
