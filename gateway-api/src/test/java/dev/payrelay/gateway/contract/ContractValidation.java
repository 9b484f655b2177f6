package dev.payrelay.gateway.contract;

import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contract validation for {@link WebTestClient} tests: every exchange made through the client is
 * checked by {@link ContractValidator}, and a violation fails the request (the test sees an error
 * whose cause is an {@link AssertionError} naming each violation).
 *
 * <p>Use {@link ValidatesContract @ValidatesContract} on a {@code @SpringBootTest} with
 * {@code @AutoConfigureWebTestClient}, or {@link #validating(WebTestClient)} on any client.
 */
public final class ContractValidation {

  private ContractValidation() {}

  /** {@code client}, validating every exchange against the contract. */
  public static WebTestClient validating(WebTestClient client) {
    return client.mutate().filter(filter(ContractValidator.shared())).build();
  }

  /** A filter that validates every exchange with {@code validator}. */
  public static ExchangeFilterFunction filter(ContractValidator validator) {
    return (request, next) -> {
      AtomicReference<byte[]> sent = new AtomicReference<>(new byte[0]);
      ClientRequest capturing =
          ClientRequest.from(request)
              .body((out, context) -> request.body().insert(new Capturing(out, sent), context))
              .build();
      return next.exchange(capturing)
          .flatMap(
              response ->
                  DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
                      .map(ContractValidation::bytes)
                      .defaultIfEmpty(new byte[0])
                      .map(body -> checked(validator, request, sent.get(), response, body)));
    };
  }

  private static byte[] bytes(DataBuffer buffer) {
    byte[] bytes = new byte[buffer.readableByteCount()];
    buffer.read(bytes);
    DataBufferUtils.release(buffer);
    return bytes;
  }

  private static ClientResponse checked(
      ContractValidator validator,
      ClientRequest request,
      byte[] sent,
      ClientResponse response,
      byte[] body) {
    HttpHeaders requestHeaders = request.headers();
    String rawPath = request.url().getRawPath();
    String query = request.url().getRawQuery();
    validator.check(
        new ContractExchange(
            request.method().name(),
            query == null ? rawPath : rawPath + "?" + query,
            sent.length == 0 ? null : String.valueOf(requestHeaders.getContentType()),
            sent,
            response.statusCode().value(),
            body.length == 0
                ? null
                : String.valueOf(response.headers().asHttpHeaders().getContentType()),
            body));
    Flux<DataBuffer> replay =
        body.length == 0
            ? Flux.empty()
            : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
    return response.mutate().body(replay).build();
  }

  /** Keeps a copy of the request body as it is written. */
  private static final class Capturing extends ClientHttpRequestDecorator {

    private final AtomicReference<byte[]> sent;

    Capturing(ClientHttpRequest delegate, AtomicReference<byte[]> sent) {
      super(delegate);
      this.sent = sent;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      return DataBufferUtils.join(body)
          .flatMap(
              buffer -> {
                byte[] bytes = bytes(buffer);
                sent.set(bytes);
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
              })
          .switchIfEmpty(Mono.defer(() -> super.writeWith(Flux.empty())));
    }
  }
}
