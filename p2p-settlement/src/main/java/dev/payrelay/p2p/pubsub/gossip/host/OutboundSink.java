package dev.payrelay.p2p.pubsub.gossip.host;

import dev.payrelay.p2p.host.Stream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The router's {@code RpcOutbound} for one peer: frames handed over on the router's thread are
 * queued and written to the outbound meshsub stream on the connection's event loop, only while the
 * stream {@linkplain Stream#isWritable() is writable}. A peer that lets more than the adapter's
 * limit pile up is cut off: the stream is reset and {@code onOverflow} runs (once).
 */
final class OutboundSink {
  private final Stream stream;
  private final Executor eventLoop;
  private final long maxQueuedBytes;
  private final Runnable onOverflow;
  private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicBoolean dead = new AtomicBoolean();

  OutboundSink(Stream stream, long maxQueuedBytes, Runnable onOverflow) {
    this.stream = stream;
    this.eventLoop = stream.connection().executor();
    this.maxQueuedBytes = maxQueuedBytes;
    this.onOverflow = onOverflow;
  }

  Stream stream() {
    return stream;
  }

  /** Called on the router's thread; never blocks, never calls back into the router. */
  void send(byte[] frame) {
    if (dead.get()) {
      return;
    }
    if (queuedBytes.addAndGet(frame.length) > maxQueuedBytes) {
      kill();
      return;
    }
    queue.add(frame);
    if (drainScheduled.compareAndSet(false, true)) {
      eventLoop.execute(this::drain);
    }
  }

  /** On the event loop: writes what the stream takes now; the rest waits for onWritable. */
  void drain() {
    drainScheduled.set(false);
    if (dead.get() || !stream.isOpen()) {
      return;
    }
    byte[] frame;
    while (stream.isWritable() && (frame = queue.poll()) != null) {
      queuedBytes.addAndGet(-frame.length);
      try {
        stream.write(frame);
      } catch (IllegalStateException closed) {
        kill();
        return;
      }
    }
  }

  /** Unsent bytes held here (not yet given to the stream). */
  long queuedBytes() {
    return queuedBytes.get();
  }

  private void kill() {
    if (dead.compareAndSet(false, true)) {
      queue.clear();
      eventLoop.execute(stream::reset);
      onOverflow.run();
    }
  }
}
