package dev.payrelay.p2p.protocol.ping;

import dev.payrelay.p2p.host.Connection;
import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Serves ping by echoing every 32-byte block received, and pings peers.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/ping/ping.md">libp2p ping</a>
 */
public final class PingService {

  public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";

  /** Size of a ping payload, in bytes. */
  public static final int PAYLOAD_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  /** Registers the echoing handler on {@code host}. */
  public void register(Host host) {
    host.setStreamHandler(PROTOCOL_ID, PingService::echo);
  }

  /**
   * Pings the peer of {@code connection} {@code count} times on one stream; completes with the
   * round-trip times, or fails if an answer differs from what was sent.
   */
  public CompletableFuture<List<Duration>> ping(Connection connection, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    return connection
        .newStream(List.of(PROTOCOL_ID))
        .thenCompose(stream -> new PingInitiator(stream, count, random).start());
  }

  private static void echo(Stream stream) {
    stream.setListener(
        new StreamListener() {
          private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

          @Override
          public void onData(byte[] bytes) {
            pending.writeBytes(bytes);
            int whole = pending.size() / PAYLOAD_BYTES * PAYLOAD_BYTES;
            if (whole > 0) {
              byte[] all = pending.toByteArray();
              stream.write(Arrays.copyOf(all, whole));
              pending.reset();
              pending.write(all, whole, all.length - whole);
            }
          }

          @Override
          public void onRemoteClosed() {
            stream.closeWrite();
          }
        });
  }

  /** One pinging stream: send, await the echo, repeat. */
  private static final class PingInitiator implements StreamListener {
    private final Stream stream;
    private final int count;
    private final SecureRandom random;
    private final Duration[] rtts;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<List<Duration>> done = new CompletableFuture<>();
    private byte[] sent;
    private long sentAt;
    private int answered;

    PingInitiator(Stream stream, int count, SecureRandom random) {
      this.stream = stream;
      this.count = count;
      this.random = random;
      this.rtts = new Duration[count];
    }

    CompletableFuture<List<Duration>> start() {
      stream.setListener(this);
      sendNext();
      return done;
    }

    private void sendNext() {
      sent = new byte[PAYLOAD_BYTES];
      random.nextBytes(sent);
      sentAt = System.nanoTime();
      stream.write(sent.clone());
    }

    @Override
    public void onData(byte[] bytes) {
      received.writeBytes(bytes);
      if (received.size() < PAYLOAD_BYTES || done.isDone()) {
        return;
      }
      byte[] all = received.toByteArray();
      if (!Arrays.equals(Arrays.copyOf(all, PAYLOAD_BYTES), sent)) {
        done.completeExceptionally(new IOException("ping answer differs from the ping"));
        stream.reset();
        return;
      }
      rtts[answered++] = Duration.ofNanos(System.nanoTime() - sentAt);
      received.reset();
      received.write(all, PAYLOAD_BYTES, all.length - PAYLOAD_BYTES);
      if (answered == count) {
        stream.closeWrite();
        done.complete(List.of(rtts));
      } else {
        sendNext();
      }
    }

    @Override
    public void onReset() {
      done.completeExceptionally(new IOException("ping stream reset"));
    }
  }
}
