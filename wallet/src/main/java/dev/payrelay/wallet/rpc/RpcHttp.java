package dev.payrelay.wallet.rpc;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** The HTTP side of an endpoint: an OkHttp client bounded in time that retries nothing itself. */
final class RpcHttp {

  /** Connecting takes at most this long, or the per-call timeout if shorter. */
  static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private RpcHttp() {}

  static OkHttpClient client(RpcSettings settings, RpcCounters counters, Clock clock) {
    Duration timeout = settings.perCallTimeout();
    return new OkHttpClient.Builder()
        .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .retryOnConnectionFailure(false) // retries are RpcRetry's: counted and paced
        .addInterceptor(new HttpStatusInterceptor(counters, settings.endpoint(), clock))
        .build();
  }

  /**
   * The {@code Authorization} header for credentials in the URL ({@code https://user:pw@host}),
   * which OkHttp would otherwise ignore.
   */
  static Optional<String> basicAuthentication(URI url) {
    String userInfo = url.getUserInfo();
    return userInfo == null
        ? Optional.empty()
        : Optional.of(
            "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
  }
}
