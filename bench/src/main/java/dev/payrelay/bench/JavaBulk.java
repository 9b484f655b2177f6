package dev.payrelay.bench;

import dev.payrelay.p2p.core.Ed25519KeyPair;
import dev.payrelay.p2p.core.Multiaddr;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import dev.payrelay.p2p.swarm.SwarmConfig;
import dev.payrelay.p2p.swarm.SwarmHost;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Two PayRelay hosts in this JVM, each with its own event loop group, connected over loopback with
 * Noise and yamux. A transfer opens a stream of the discard protocol, writes while the stream is
 * writable, half-closes, and waits for the receiver's byte count.
 */
final class JavaBulk implements AutoCloseable {

  /** The js peer serves the same protocol (tools/libp2p/peer.mjs). */
  static final String DISCARD = "/payrelay/bench/discard/1.0.0";

  private static final long TRANSFER_TIMEOUT_SECONDS = 600;

  private final SwarmHost sender;
  private final SwarmHost receiver;

  private JavaBulk(SwarmHost sender, SwarmHost receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  static JavaBulk start() throws Exception {
    Multiaddr loopback = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
    SwarmHost receiver =
        SwarmHost.create(SwarmConfig.defaults(Ed25519KeyPair.generate(), loopback));
    SwarmHost sender = SwarmHost.create(SwarmConfig.defaults(Ed25519KeyPair.generate(), loopback));
    receiver.setStreamHandler(DISCARD, JavaBulk::discard);
    receiver.start().get(30, TimeUnit.SECONDS);
    sender.start().get(30, TimeUnit.SECONDS);
    sender
        .connect(receiver.listenAddresses().get(0).withPeerId(receiver.peerId()))
        .get(30, TimeUnit.SECONDS);
    return new JavaBulk(sender, receiver);
  }

  /** Sends {@code bytes} in copies of {@code chunk}; returns the seconds until the count came. */
  double send(long bytes, byte[] chunk) throws Exception {
    long started = System.nanoTime();
    Stream stream = sender.newStream(receiver.peerId(), DISCARD).get(30, TimeUnit.SECONDS);
    CompletableFuture<Long> counted = new CompletableFuture<>();
    long[] sent = {0};
    Runnable pump =
        () -> {
          while (sent[0] < bytes && stream.isWritable()) {
            int n = (int) Math.min(chunk.length, bytes - sent[0]);
            stream.write(Arrays.copyOf(chunk, n)); // the stream owns what it is given
            sent[0] += n;
          }
          if (sent[0] == bytes) {
            sent[0]++; // close once
            stream.closeWrite();
          }
        };
    ByteBuffer answer = ByteBuffer.allocate(Long.BYTES);
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] data) {
            answer.put(data, 0, Math.min(data.length, answer.remaining()));
          }

          @Override
          public void onWritable() {
            pump.run();
          }

          @Override
          public void onRemoteClosed() {
            counted.complete(answer.flip().remaining() == Long.BYTES ? answer.getLong() : -1);
          }

          @Override
          public void onReset() {
            counted.completeExceptionally(new IllegalStateException("bulk stream reset"));
          }
        });
    stream.connection().executor().execute(pump);
    long count = counted.get(TRANSFER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (count != bytes) {
      throw new IllegalStateException("the Java receiver counted " + count + " of " + bytes);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static void discard(Stream stream) {
    long[] count = {0};
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] data) {
            count[0] += data.length;
          }

          @Override
          public void onRemoteClosed() {
            stream.write(ByteBuffer.allocate(Long.BYTES).putLong(count[0]).array());
            stream.closeWrite();
          }
        });
  }

  @Override
  public void close() {
    sender.close();
    receiver.close();
  }
}
