package dev.payrelay.gateway.error;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@link #MAX_REQUEST_BODY_BYTES} with {@link
 * ProblemType#PAYLOAD_TOO_LARGE} (413): at once when {@code Content-Length} says so, otherwise
 * (chunked bodies) as soon as the bytes read pass the limit, before they are decoded. It wraps the
 * request first of all filters, so whatever reads a body later (idempotency fingerprints, codecs)
 * reads a bounded one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestBodyLimit implements WebFilter {

  /**
   * The largest request body the node reads: 64 KiB. A typical invoice is a few KiB; one with every
   * field at its own maximum (100 lines of 500-character descriptions, full metadata) can be larger
   * and is refused whole, as the contract says.
   */
  public static final int MAX_REQUEST_BODY_BYTES = 64 * 1024;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (request.getHeaders().getContentLength() > MAX_REQUEST_BODY_BYTES) {
      return Mono.error(tooLarge());
    }
    return chain.filter(exchange.mutate().request(new Bounded(request)).build());
  }

  private static ApiProblemException tooLarge() {
    return new ApiProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + MAX_REQUEST_BODY_BYTES + " bytes");
  }

  /** The request, with a body that fails once it passes the limit. */
  private static final class Bounded extends ServerHttpRequestDecorator {

    Bounded(ServerHttpRequest delegate) {
      super(delegate);
    }

    /** Stands in for the buffer that passed the limit (released here); not pooled. */
    private static final DataBuffer OVER_LIMIT =
        DefaultDataBufferFactory.sharedInstance.allocateBuffer(0);

    /**
     * The body, each buffer copied to the heap and its pooled original released at once. A body is
     * at most 64 KiB, so the copy is cheap, and it keeps pooled memory away from the readers' error
     * paths: when a body fails part-way (too large, client gone), Reactor hands what a reader
     * collected to its discard hooks, and Spring's JSON readers register two, which release each
     * buffer twice; harmless for heap buffers, but Netty's HTTP chunks are slices that share one
     * reference count, so it would free memory Netty still uses.
     */
    @Override
    public Flux<DataBuffer> getBody() {
      return Flux.defer(
          () -> {
            AtomicLong read = new AtomicLong();
            return super.getBody()
                .map(
                    buffer -> {
                      boolean over =
                          read.addAndGet(buffer.readableByteCount()) > MAX_REQUEST_BODY_BYTES;
                      DataBuffer copy = over ? OVER_LIMIT : heapCopy(buffer);
                      DataBufferUtils.release(buffer);
                      return copy;
                    })
                .handle(
                    (buffer, sink) -> {
                      if (buffer == OVER_LIMIT) {
                        sink.error(tooLarge());
                      } else {
                        sink.next(buffer);
                      }
                    });
          });
    }

    private static DataBuffer heapCopy(DataBuffer buffer) {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }
  }
}
