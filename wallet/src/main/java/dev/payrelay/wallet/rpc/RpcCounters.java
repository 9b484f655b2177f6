package dev.payrelay.wallet.rpc;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What one endpoint has done, updated from any thread; read as an {@link RpcStats} snapshot. */
final class RpcCounters {

  /** The last attempt's outcome; swapped whole so that a snapshot is never half updated. */
  private record Health(
      Optional<Instant> lastSuccess, Optional<String> lastError, int consecutiveFailures) {}

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final LongAdder httpRequests = new LongAdder();
  private final AtomicReference<Health> health =
      new AtomicReference<>(new Health(Optional.empty(), Optional.empty(), 0));

  /** One JSON-RPC call of {@code method}, however many attempts it takes. */
  void call(String method) {
    calls.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  /** One HTTP request sent, a retry included. */
  void httpRequest() {
    httpRequests.increment();
  }

  /** The endpoint answered (a JSON-RPC error object is an answer too: the endpoint is up). */
  void answered(Instant at) {
    health.set(new Health(Optional.of(at), Optional.empty(), 0));
  }

  /** The endpoint answered with a JSON-RPC error: up, but the call failed. */
  void answeredWithError(Instant at, String message) {
    health.set(new Health(Optional.of(at), Optional.of(message), 0));
  }

  /** An attempt failed: no answer in time, a refused connection, an HTTP error status. */
  void failed(String message) {
    health.updateAndGet(
        h -> new Health(h.lastSuccess(), Optional.of(message), h.consecutiveFailures() + 1));
  }

  RpcStats snapshot() {
    Map<String, Long> byMethod = new TreeMap<>();
    calls.forEach((method, count) -> byMethod.put(method, count.sum()));
    Health h = health.get();
    return new RpcStats(
        Collections.unmodifiableMap(byMethod),
        httpRequests.sum(),
        h.lastSuccess(),
        h.lastError(),
        h.consecutiveFailures());
  }
}
