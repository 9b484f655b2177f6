package dev.payrelay.wallet.rpc;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach one chain's JSON-RPC endpoint, and how hard to try.
 *
 * <p>The URL often carries a secret (an API key in the path, credentials before the host), so it is
 * never printed: {@link #endpoint()} and {@link #toString()} show {@code scheme://host:port} only.
 *
 * @param url the {@code http} or {@code https} JSON-RPC URL
 * @param chainId the chain the endpoint is configured for
 * @param perCallTimeout the longest one HTTP attempt may take, connection included
 * @param maxAttempts attempts per call, the first one included
 * @param initialBackoff the pause before the first retry; it doubles with every retry
 * @param maxBackoff the longest pause between two attempts (an HTTP 429 {@code Retry-After} may ask
 *     for more, up to {@link #MAX_RETRY_AFTER})
 * @param jitter how far a pause is randomly moved, as a fraction of it: {@code 0.5} means ±50%
 */
public record RpcSettings(
    URI url,
    ChainId chainId,
    Duration perCallTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double jitter) {

  public static final Duration DEFAULT_PER_CALL_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
  public static final double DEFAULT_JITTER = 0.5;

  /** More attempts than this per call is a configuration mistake. */
  public static final int MAX_ATTEMPTS_LIMIT = 100;

  /** A {@code Retry-After} longer than this ends the call instead of holding it. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  public RpcSettings {
    if (url == null
        || url.getHost() == null
        || url.getScheme() == null
        || !(url.getScheme().equalsIgnoreCase("http")
            || url.getScheme().equalsIgnoreCase("https"))) {
      throw new InvalidValueException(
          "the JSON-RPC URL of chain "
              + chainId
              + " must be an http:// or https:// URL with a host");
    }
    if (chainId == null) {
      throw new InvalidValueException("a JSON-RPC endpoint needs the chain id it serves");
    }
    requirePositive(perCallTimeout, "the per-call timeout");
    requirePositive(initialBackoff, "the initial backoff");
    requirePositive(maxBackoff, "the maximum backoff");
    if (initialBackoff.compareTo(maxBackoff) > 0) {
      throw new InvalidValueException("the initial backoff cannot exceed the maximum backoff");
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new InvalidValueException(
          "JSON-RPC attempts per call must be 1 to " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new InvalidValueException("the backoff jitter must be between 0 and 1, got " + jitter);
    }
  }

  /** The endpoint at {@code url} for {@code chainId}, with the default timeouts and retries. */
  public static RpcSettings of(URI url, ChainId chainId) {
    return new RpcSettings(
        url,
        chainId,
        DEFAULT_PER_CALL_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_MAX_BACKOFF,
        DEFAULT_JITTER);
  }

  /** As {@link #of(URI, ChainId)}, from a configuration string. */
  public static RpcSettings of(String url, ChainId chainId) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (URISyntaxException e) {
      // The message of e would repeat the URL, and with it any API key.
      throw new InvalidValueException(
          "the JSON-RPC URL of chain " + chainId + " is not a valid URL (" + e.getReason() + ")");
    }
    return of(uri, chainId);
  }

  public RpcSettings withPerCallTimeout(Duration timeout) {
    return new RpcSettings(url, chainId, timeout, maxAttempts, initialBackoff, maxBackoff, jitter);
  }

  public RpcSettings withRetries(int attempts, Duration initial, Duration max, double jitter) {
    return new RpcSettings(url, chainId, perCallTimeout, attempts, initial, max, jitter);
  }

  /** {@code scheme://host:port}: the URL without credentials, path or query, safe to print. */
  public String endpoint() {
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost(); // IPv6 literals keep their brackets
    int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + host + ":" + port;
  }

  @Override
  public String toString() {
    return "RpcSettings[chain "
        + chainId
        + " at "
        + endpoint()
        + ", per call "
        + perCallTimeout
        + ", "
        + maxAttempts
        + " attempts, backoff "
        + initialBackoff
        + ".."
        + maxBackoff
        + " ±"
        + jitter
        + "]";
  }

  private static void requirePositive(Duration value, String what) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidValueException(what + " must be positive, got " + value);
    }
  }
}
