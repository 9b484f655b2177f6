package dev.payrelay.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The body limit with buffers as Reactor Netty hands them out: slices of one pooled buffer that
 * share its reference count, each released by Netty right after the reader got it, read by Spring's
 * own JSON decoder (which, on an error part-way, releases what it collected through two discard
 * hooks).
 */
class RequestBodyLimitTest {

  static final int CHUNK = 16 * 1024;

  @Test
  void aBodyOverTheLimitFailsAndEveryPooledBufferIsReleasedExactlyOnce() {
    ByteBuf parent = PooledByteBufAllocator.DEFAULT.buffer(5 * CHUNK);
    parent.writeBytes(new byte[5 * CHUNK]);
    List<Throwable> releaseFailures = new ArrayList<>();
    List<DataBuffer> seen = new ArrayList<>();

    StepVerifier.create(readJson(nettyLikeBody(parent, 5, releaseFailures), seen))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        ApiProblemException.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE)))
        .verify();

    assertThat(releaseFailures).isEmpty();
    assertThat(seen).hasSize(4).noneMatch(b -> b instanceof PooledDataBuffer);
    assertThat(parent.refCnt()).isEqualTo(1);
    parent.release();
  }

  @Test
  void aBodyUpToTheLimitIsReadWhole() {
    ByteBuf parent = PooledByteBufAllocator.DEFAULT.buffer(4 * CHUNK);
    parent.writeBytes(new byte[4 * CHUNK]);
    List<Throwable> releaseFailures = new ArrayList<>();

    StepVerifier.create(
            nettyLikeBody(parent, 4, releaseFailures)
                .transform(RequestBodyLimitTest::throughTheFilter)
                .map(DataBuffer::readableByteCount)
                .reduce(Integer::sum))
        .expectNext(RequestBodyLimit.MAX_REQUEST_BODY_BYTES)
        .verifyComplete();

    assertThat(releaseFailures).isEmpty();
    assertThat(parent.refCnt()).isEqualTo(1);
    parent.release();
  }

  /** The filter's body, decoded by Spring's JSON decoder as a controller's body would be. */
  private static Mono<Object> readJson(Flux<DataBuffer> body, List<DataBuffer> seen) {
    return new JacksonJsonDecoder()
        .decodeToMono(
            throughTheFilter(body).doOnNext(seen::add),
            ResolvableType.forClass(Map.class),
            MediaType.APPLICATION_JSON,
            null);
  }

  private static Flux<DataBuffer> throughTheFilter(Flux<DataBuffer> body) {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/v1/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body));
    AtomicReference<Flux<DataBuffer>> filtered = new AtomicReference<>();
    new RequestBodyLimit()
        .filter(exchange, e -> Mono.fromRunnable(() -> filtered.set(e.getRequest().getBody())))
        .block();
    return filtered.get();
  }

  /**
   * {@code count} slices of {@code parent}, handed out as Reactor Netty and Spring do: each is
   * retained for the reader, and released by "Netty" once the reader's onNext returned.
   */
  private static Flux<DataBuffer> nettyLikeBody(
      ByteBuf parent, int count, List<Throwable> releaseFailures) {
    NettyDataBufferFactory factory = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
    return Flux.create(
        sink -> {
          for (int i = 0; i < count && !sink.isCancelled(); i++) {
            ByteBuf slice = parent.slice(i * CHUNK, CHUNK);
            parent.retain(2);
            sink.next(factory.wrap(slice));
            try {
              parent.release();
            } catch (RuntimeException e) {
              releaseFailures.add(e);
            }
          }
          sink.complete();
        });
  }
}
