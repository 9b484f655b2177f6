package dev.payrelay.wallet.rpc;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends web3j requests the way every call of an endpoint goes: lazily (each retry sends again),
 * each attempt bounded by the per-call timeout, retried by {@link RpcRetry}, counted in {@link
 * RpcCounters}.
 */
final class RpcCaller {

  private final RpcSettings settings;
  private final RpcCounters counters;
  private final RpcRetry retry;
  private final Clock clock;
  private final Scheduler scheduler;

  RpcCaller(
      RpcSettings settings,
      RpcCounters counters,
      RpcRetry retry,
      Clock clock,
      Scheduler scheduler) {
    this.settings = settings;
    this.counters = counters;
    this.retry = retry;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /**
   * One call. A JSON-RPC error object fails it with an {@link RpcProtocolException}, unless {@code
   * errorAllowed}: then the response comes back with its error for the caller to read (except a
   * rate limit, which is retried).
   */
  <T extends Response<?>> Mono<T> call(Request<?, T> request, boolean errorAllowed) {
    String method = request.getMethod();
    return Mono.defer(
        () -> {
          counters.call(method);
          return attempts(method, request::sendAsync, r -> checked(method, r, errorAllowed));
        });
  }

  /**
   * The calls of {@code batch} in one HTTP request, their responses in the same order. The calls
   * whose index passes {@code errorAllowed} may answer with a JSON-RPC error; any other error fails
   * the whole batch.
   */
  Mono<List<Response<?>>> batch(BatchRequest batch, IntPredicate errorAllowed) {
    List<Request<?, ? extends Response<?>>> requests = List.copyOf(batch.getRequests());
    return Mono.defer(
        () -> {
          requests.forEach(r -> counters.call(r.getMethod()));
          counters.call("batch");
          return attempts(
                  "batch",
                  batch::sendAsync,
                  response -> {
                    checkBatch(requests, response, errorAllowed);
                    return response;
                  })
              .map(response -> List.<Response<?>>copyOf(response.getResponses()));
        });
  }

  private <T> Mono<T> attempts(
      String method, Supplier<CompletableFuture<T>> send, UnaryOperator<T> check) {
    return Mono.fromFuture(send)
        .timeout(settings.perCallTimeout(), scheduler)
        .doOnError(e -> counters.failed(RpcFailures.describe(e, settings.perCallTimeout())))
        .map(
            response -> {
              try {
                T checked = check.apply(response);
                counters.answered(clock.instant());
                return checked;
              } catch (JsonRpcErrorException e) {
                counters.answeredWithError(clock.instant(), e.getMessage());
                throw e;
              }
            })
        .retryWhen(retry.forMethod(method));
  }

  private <T extends Response<?>> T checked(String method, T response, boolean errorAllowed) {
    if (response == null) {
      throw new RpcProtocolException(method + " at " + settings.endpoint() + " answered nothing");
    }
    // A rate limit is never the answer a caller reads: it is retried like an HTTP 429.
    if (response.hasError()
        && (!errorAllowed
            || response.getError().getCode() == JsonRpcErrorException.LIMIT_EXCEEDED)) {
      throw new JsonRpcErrorException(
          method, response.getError().getCode(), response.getError().getMessage());
    }
    return response;
  }

  private void checkBatch(
      List<Request<?, ? extends Response<?>>> requests,
      BatchResponse response,
      IntPredicate errorAllowed) {
    List<? extends Response<?>> responses = response == null ? null : response.getResponses();
    if (responses == null || responses.size() != requests.size()) {
      throw new RpcProtocolException(
          "a batch of "
              + requests.size()
              + " calls at "
              + settings.endpoint()
              + " got "
              + (responses == null ? "no" : responses.size())
              + " answers");
    }
    for (int i = 0; i < requests.size(); i++) {
      Request<?, ?> request = requests.get(i);
      Response<?> answer = responses.get(i);
      if (answer == null || answer.getId() != request.getId()) {
        // web3j pairs answers with calls by position; an endpoint that reorders them is refused.
        throw new RpcProtocolException(
            "the batch answers of " + settings.endpoint() + " are not in the order of its calls");
      }
      checked(request.getMethod(), answer, errorAllowed.test(i));
    }
  }
}
