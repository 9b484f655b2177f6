package dev.payrelay.wallet.rpc;

import java.io.IOException;
import java.time.Clock;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts every HTTP request (retries included) and turns a non-2xx answer into an {@link
 * HttpStatusException} that keeps the status and the {@code Retry-After} header, which web3j would
 * otherwise fold into an exception message.
 */
final class HttpStatusInterceptor implements Interceptor {

  /** How much of an error body goes into the message: enough for "invalid API key". */
  static final long MAX_ERROR_BODY_BYTES = 200;

  private final RpcCounters counters;
  private final String endpoint;
  private final Clock clock;

  HttpStatusInterceptor(RpcCounters counters, String endpoint, Clock clock) {
    this.counters = counters;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    counters.httpRequest();
    Response response = chain.proceed(chain.request());
    if (response.isSuccessful()) {
      return response;
    }
    try (response) {
      String body = response.peekBody(MAX_ERROR_BODY_BYTES).string().strip();
      throw new HttpStatusException(
          response.code(),
          RetryAfter.parse(response.header("Retry-After"), clock.instant()),
          "HTTP "
              + response.code()
              + " from "
              + endpoint
              + (body.isEmpty() ? "" : ": " + body.replaceAll("\\s+", " ")));
    }
  }
}
