package dev.payrelay.p2p.testing;

import dev.payrelay.p2p.host.Host;
import dev.payrelay.p2p.host.Stream;
import dev.payrelay.p2p.host.StreamListener;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test protocols both our hosts and the js peer ({@code tools/libp2p/peer.mjs}) serve: echo
 * (everything read is written back, closed after the remote) and sink (read to the end, answer the
 * SHA-256 of it), and the clients for them.
 */
public final class TestProtocols {

  public static final String ECHO = "/payrelay/test/echo/1.0.0";
  public static final String SINK = "/payrelay/test/sink/1.0.0";

  /** Chunk size of bulk writes. */
  public static final int CHUNK_BYTES = 64 * 1024;

  private TestProtocols() {}

  /** What a sink received: byte count and digest. */
  public record Received(long bytes, String sha256) {}

  /** Registers echo and sink on {@code host}; sink digests also go to {@code sinkResults}. */
  public static void serve(Host host, java.util.function.Consumer<Received> sinkResults) {
    host.setStreamHandler(ECHO, TestProtocols::echo);
    host.setStreamHandler(SINK, stream -> sink(stream, sinkResults));
  }

  static void echo(Stream stream) {
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            stream.write(bytes);
          }

          @Override
          public void onRemoteClosed() {
            stream.closeWrite();
          }
        });
  }

  static void sink(Stream stream, java.util.function.Consumer<Received> results) {
    MessageDigest digest = sha256();
    AtomicLong count = new AtomicLong();
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            digest.update(bytes);
            count.addAndGet(bytes.length);
          }

          @Override
          public void onRemoteClosed() {
            byte[] hash = digest.digest();
            results.accept(new Received(count.get(), HexFormat.of().formatHex(hash)));
            stream.write(hash);
            stream.closeWrite();
          }
        });
  }

  /**
   * Opens an echo stream to {@code peer}, sends {@code payload}, half-closes, and completes with
   * whether the echo matched.
   */
  public static CompletableFuture<Boolean> echoOnce(
      Host host, dev.payrelay.p2p.core.PeerId peer, byte[] payload) {
    return host.newStream(peer, ECHO)
        .thenCompose(
            stream -> {
              CompletableFuture<byte[]> echoed = readAll(stream);
              stream.write(payload.clone());
              stream.closeWrite();
              return echoed;
            })
        .thenApply(echoed -> java.util.Arrays.equals(echoed, payload));
  }

  /** Reads the stream to its end (remote FIN); fails if it is reset first. */
  public static CompletableFuture<byte[]> readAll(Stream stream) {
    CompletableFuture<byte[]> all = new CompletableFuture<>();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            buffer.writeBytes(bytes);
          }

          @Override
          public void onRemoteClosed() {
            all.complete(buffer.toByteArray());
          }

          @Override
          public void onReset() {
            all.completeExceptionally(new IllegalStateException("stream reset"));
          }
        });
    return all;
  }

  /** The result of {@link #sendBulk}: what was sent and what the sink answered. */
  public record Bulk(long bytes, String sentSha256, String answeredSha256, long nanos) {}

  /**
   * Sends {@code total} seeded pseudo-random bytes on a sink stream, honouring writability, then
   * half-closes and reads the sink's digest.
   */
  public static CompletableFuture<Bulk> sendBulk(Stream stream, long total, long seed) {
    CompletableFuture<Bulk> done = new CompletableFuture<>();
    MessageDigest digest = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    long started = System.nanoTime();
    long[] sent = {0};
    String[] sentHash = {null};
    Runnable pump =
        () -> {
          while (sent[0] < total && stream.isWritable()) {
            byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, total - sent[0])];
            random.nextBytes(chunk);
            digest.update(chunk);
            sent[0] += chunk.length;
            stream.write(chunk);
          }
          if (sent[0] == total && sentHash[0] == null) {
            sentHash[0] = HexFormat.of().formatHex(digest.digest());
            stream.closeWrite();
          }
        };
    stream.setListener(
        new StreamListener() {
          @Override
          public void onData(byte[] bytes) {
            answer.writeBytes(bytes);
          }

          @Override
          public void onWritable() {
            pump.run();
          }

          @Override
          public void onRemoteClosed() {
            done.complete(
                new Bulk(
                    sent[0],
                    sentHash[0],
                    HexFormat.of().formatHex(answer.toByteArray()),
                    System.nanoTime() - started));
          }

          @Override
          public void onReset() {
            done.completeExceptionally(new IllegalStateException("bulk stream reset"));
          }
        });
    stream.connection().executor().execute(pump); // after the listener, on the stream's loop
    return done;
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }
}
