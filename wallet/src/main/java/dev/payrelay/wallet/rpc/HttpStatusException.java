package dev.payrelay.wallet.rpc;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The endpoint answered with an HTTP status other than 2xx. An {@link IOException}, so it leaves
 * OkHttp and web3j unchanged and reaches the retry policy with its status and {@code Retry-After}.
 */
final class HttpStatusException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final Duration retryAfterOrNull;

  HttpStatusException(int status, Optional<Duration> retryAfter, String message) {
    super(message);
    this.status = status;
    this.retryAfterOrNull = retryAfter.orElse(null);
  }

  int status() {
    return status;
  }

  /** What a 429 or 503 asked us to wait, if it said. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfterOrNull);
  }

  /** 408, 429 and 5xx: the endpoint may answer if asked again later. */
  boolean isTransient() {
    return status == 408 || status == 429 || status >= 500;
  }
}
