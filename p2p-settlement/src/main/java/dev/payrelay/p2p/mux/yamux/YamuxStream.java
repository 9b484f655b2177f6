package dev.payrelay.p2p.mux.yamux;

import java.util.ArrayDeque;

/**
 * Per-stream state of a {@link YamuxSession}: the send side (peer's window, queue of bytes waiting
 * for it, FIN) and the receive side (our {@link YamuxReceiveWindow}).
 */
final class YamuxStream {

  final int id;

  long sendWindow = YamuxConfig.INITIAL_WINDOW_BYTES;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private int headOffset;
  private long queuedBytes;
  boolean blockedReported;
  boolean finRequested;
  boolean finSent;

  boolean remoteFin;
  final YamuxReceiveWindow receive;

  YamuxStream(int id, long nowNanos) {
    this.id = id;
    this.receive = new YamuxReceiveWindow(nowNanos);
  }

  void enqueue(byte[] bytes) {
    if (bytes.length > 0) {
      queue.addLast(bytes);
      queuedBytes += bytes.length;
    }
  }

  long queuedBytes() {
    return queuedBytes;
  }

  /** Removes and returns the next {@code n} queued bytes ({@code n <= queuedBytes()}). */
  byte[] take(int n) {
    byte[] out = new byte[n];
    int filled = 0;
    while (filled < n) {
      byte[] head = queue.peekFirst();
      int count = Math.min(n - filled, head.length - headOffset);
      System.arraycopy(head, headOffset, out, filled, count);
      filled += count;
      headOffset += count;
      if (headOffset == head.length) {
        queue.removeFirst();
        headOffset = 0;
      }
    }
    queuedBytes -= n;
    return out;
  }

  void dropQueue() {
    queue.clear();
    headOffset = 0;
    queuedBytes = 0;
  }

  boolean fullyClosed() {
    return finSent && remoteFin;
  }
}
