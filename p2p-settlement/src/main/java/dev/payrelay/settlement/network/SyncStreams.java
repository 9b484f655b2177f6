package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.LengthPrefixedReader;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.settlement.SyncHandler;
import dev.payrelay.settlement.message.SyncRequest;
import dev.payrelay.settlement.message.SyncResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The request/response streams of {@value SyncRequest#PROTOCOL_ID}: the requester writes one
 * uvarint-length-prefixed request (at most {@link SyncRequest#MAX_BYTES}) and half-closes; the
 * server answers one length-prefixed response (at most {@link SyncResponse#MAX_BYTES}) and
 * half-closes. Anything else (an oversized or malformed prefix, a second message, silence past the
 * timeout) resets the stream; the node carries on.
 */
final class SyncStreams {
  /** How long a requester waits for the whole response. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** How long a server waits for a request, then for its own answer, before resetting. */
  static final Duration SERVE_TIMEOUT = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(SyncStreams.class);

  private final Host host;
  private final ScheduledExecutorService timers;

  SyncStreams(Host host, ScheduledExecutorService timers) {
    this.host = host;
    this.timers = timers;
  }

  /** Serves the protocol with {@code handler}. */
  void serve(SyncHandler handler) {
    host.setStreamHandler(SyncRequest.PROTOCOL_ID, stream -> new Serving(stream, handler).start());
  }

  /** One request to {@code peer}: the response bytes, or an error (stream failed, timeout). */
  Mono<byte[]> request(PeerId peer, byte[] request) {
    if (request.length > SyncRequest.MAX_BYTES) {
      return Mono.error(
          new IllegalArgumentException(
              "a sync request of " + request.length + " bytes is over " + SyncRequest.MAX_BYTES));
    }
    return Mono.defer(
        () -> {
          CompletableFuture<byte[]> response = new CompletableFuture<>();
          CompletableFuture<Stream> opening = host.newStream(peer, SyncRequest.PROTOCOL_ID);
          ScheduledFuture<?> timeout =
              timers.schedule(
                  () ->
                      response.completeExceptionally(
                          new TimeoutException(
                              "no sync response from " + peer + " within " + REQUEST_TIMEOUT)),
                  REQUEST_TIMEOUT.toMillis(),
                  TimeUnit.MILLISECONDS);
          opening.whenComplete(
              (stream, error) -> {
                if (error != null) {
                  response.completeExceptionally(error);
                } else {
                  stream.setListener(new Requesting(stream, response));
                  stream.write(LengthPrefixedReader.frame(request));
                  stream.closeWrite();
                }
              });
          response.whenComplete(
              (bytes, error) -> {
                timeout.cancel(false);
                if (error != null) {
                  opening.thenAccept(Stream::reset);
                }
              });
          return Mono.fromFuture(response);
        });
  }

  /** The requester's side of one stream: the first complete message is the response. */
  private static final class Requesting implements StreamListener {
    private final Stream stream;
    private final CompletableFuture<byte[]> response;
    private final LengthPrefixedReader reader = new LengthPrefixedReader(SyncResponse.MAX_BYTES);

    Requesting(Stream stream, CompletableFuture<byte[]> response) {
      this.stream = stream;
      this.response = response;
    }

    @Override
    public void onData(byte[] bytes) {
      if (response.isDone()) {
        stream.reset();
        return;
      }
      try {
        List<byte[]> messages = reader.feed(bytes);
        if (!messages.isEmpty()) {
          response.complete(messages.get(0));
        }
      } catch (IOException e) {
        response.completeExceptionally(e);
        stream.reset();
      }
    }

    @Override
    public void onRemoteClosed() {
      response.completeExceptionally(new IOException("the sync stream ended without a response"));
    }

    @Override
    public void onClosed() {
      response.completeExceptionally(new IOException("the sync stream closed"));
    }
  }

  /** The server's side of one stream. */
  private final class Serving implements StreamListener {
    private final Stream stream;
    private final SyncHandler handler;
    private final LengthPrefixedReader reader = new LengthPrefixedReader(SyncRequest.MAX_BYTES);
    private boolean answered;
    private ScheduledFuture<?> timeout;

    Serving(Stream stream, SyncHandler handler) {
      this.stream = stream;
      this.handler = handler;
    }

    void start() {
      timeout = timers.schedule(stream::reset, SERVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      stream.setListener(this);
    }

    @Override
    public void onData(byte[] bytes) {
      PeerId peer = stream.connection().remotePeer();
      List<byte[]> messages;
      try {
        messages = reader.feed(bytes);
      } catch (IOException e) {
        refuse(peer, e.getMessage());
        return;
      }
      if (messages.isEmpty()) {
        return;
      }
      if (answered || messages.size() > 1) {
        refuse(peer, "more than one request on a stream");
        return;
      }
      answered = true;
      handler
          .answer(peer, messages.get(0))
          .switchIfEmpty(Mono.error(new IllegalStateException("no answer")))
          .subscribe(response -> reply(peer, response), error -> refuse(peer, error.toString()));
    }

    private void reply(PeerId peer, byte[] response) {
      if (response.length > SyncResponse.MAX_BYTES) {
        refuse(peer, "our response of " + response.length + " bytes is over the limit");
        return;
      }
      timeout.cancel(false);
      try {
        stream.write(LengthPrefixedReader.frame(response));
        stream.closeWrite();
      } catch (IllegalStateException closed) {
        LOG.debug("sync stream to {} closed before the answer", peer);
      }
    }

    private void refuse(PeerId peer, String why) {
      timeout.cancel(false);
      LOG.debug("resetting a sync stream of {}: {}", peer, why);
      stream.reset();
    }

    @Override
    public void onClosed() {
      timeout.cancel(false);
    }
  }
}
