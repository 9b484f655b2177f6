package dev.payrelay.wallet.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * Sorts what went wrong with one attempt: transient (asking again later may work) or final, and
 * what the caller sees in the end.
 */
final class RpcFailures {

  /**
   * web3j's own message for a non-2xx answer, in case one bypasses {@link HttpStatusInterceptor}.
   */
  private static final Pattern WEB3J_STATUS =
      Pattern.compile("Invalid response received: (\\d{3})");

  private RpcFailures() {}

  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** I/O errors, timeouts, HTTP 408/429/5xx and the JSON-RPC rate limit; nothing else. */
  static boolean isTransient(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof HttpStatusException http) {
      return http.isTransient();
    }
    if (e instanceof JsonRpcErrorException rpc) {
      return rpc.code() == JsonRpcErrorException.LIMIT_EXCEEDED;
    }
    if (e instanceof ClientConnectionException web3j) {
      Matcher m = WEB3J_STATUS.matcher(String.valueOf(web3j.getMessage()));
      if (!m.find()) {
        return false;
      }
      int status = Integer.parseInt(m.group(1));
      return status == 408 || status == 429 || status >= 500;
    }
    if (e instanceof JsonProcessingException) {
      return false; // a malformed answer: asking again gets the same
    }
    return e instanceof IOException || e instanceof TimeoutException;
  }

  static Optional<Duration> retryAfter(Throwable t) {
    return unwrap(t) instanceof HttpStatusException http ? http.retryAfter() : Optional.empty();
  }

  /** A short account of one failed attempt, for the stats and the final message. */
  static String describe(Throwable t, Duration perCallTimeout) {
    Throwable e = unwrap(t);
    if (e instanceof TimeoutException) {
      return "no answer within " + perCallTimeout.toMillis() + " ms";
    }
    if (e instanceof HttpStatusException || e instanceof JsonRpcErrorException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  /** What the caller gets for a failure that is not retried. */
  static RuntimeException terminal(String method, String endpoint, Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof RpcProtocolException || e instanceof RpcUnavailableException) {
      return (RuntimeException) e;
    }
    if (e instanceof JsonRpcErrorException) {
      return new RpcProtocolException(e.getMessage() + " (at " + endpoint + ")", e);
    }
    if (e instanceof HttpStatusException || e instanceof ClientConnectionException) {
      return new RpcUnavailableException(
          method + " failed: " + e.getMessage() + "; check the endpoint's URL and API key", e);
    }
    return new RpcProtocolException(
        method + " at " + endpoint + " gave an answer that is not valid JSON-RPC: " + e, e);
  }

  /** What the caller gets when the retry budget is spent. */
  static RpcUnavailableException exhausted(
      String method, String endpoint, long attempts, Throwable last, Duration perCallTimeout) {
    return new RpcUnavailableException(
        "the JSON-RPC endpoint "
            + endpoint
            + " did not answer "
            + method
            + " after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + "; last: "
            + describe(last, perCallTimeout),
        unwrap(last));
  }
}
