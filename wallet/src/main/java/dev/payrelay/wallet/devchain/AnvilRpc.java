package dev.payrelay.wallet.devchain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two JSON-RPC calls the launcher needs before web3j is involved: {@code eth_chainId} (is it
 * up, and is it our chain?) and {@code web3_clientVersion}. Plain {@code java.net.http}, no JSON
 * library.
 */
final class AnvilRpc {

  /** Per-request bound; anvil answers a local call in about a millisecond. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);

  private static final Pattern STRING_RESULT = Pattern.compile("\"result\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpClient http;
  private final URI uri;

  AnvilRpc(URI uri) {
    this.uri = uri;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(REQUEST_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The chain id, or empty if nothing answers yet. */
  Optional<Long> chainId() throws InterruptedException {
    return call("eth_chainId")
        .filter(hex -> hex.matches("0x[0-9a-fA-F]{1,16}"))
        .map(hex -> new BigInteger(hex.substring(2), 16).longValue());
  }

  /** For example {@code anvil/v1.7.1}, or empty. */
  Optional<String> clientVersion() throws InterruptedException {
    return call("web3_clientVersion");
  }

  private Optional<String> call(String method) throws InterruptedException {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}";
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher m = STRING_RESULT.matcher(response.body());
      return response.statusCode() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not listening yet
    }
  }
}
