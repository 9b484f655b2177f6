package dev.payrelay.wallet.rpc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an endpoint has done: JSON-RPC calls by method (a batch counts each call inside it, and once
 * more under {@code "batch"} for the HTTP request), and whether it answers.
 *
 * @param callsByMethod counts since start, e.g. {@code eth_getLogs -> 12}
 * @param httpRequests HTTP requests sent, retries included
 * @param lastSuccess when the endpoint last answered
 * @param lastError the last failure's message, if the latest attempt failed
 * @param consecutiveFailures failed attempts since the last success; the health check reports the
 *     endpoint DOWN above a threshold
 */
public record RpcStats(
    Map<String, Long> callsByMethod,
    long httpRequests,
    Optional<Instant> lastSuccess,
    Optional<String> lastError,
    int consecutiveFailures) {

  public long calls(String method) {
    return callsByMethod.getOrDefault(method, 0L);
  }
}
