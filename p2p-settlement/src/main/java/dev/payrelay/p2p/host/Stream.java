package dev.payrelay.p2p.host;

/**
 * One yamux stream after multistream-select agreed on its protocol: a reliable, ordered,
 * flow-controlled byte pipe in each direction.
 *
 * <p><b>Reading.</b> Data goes to the {@link StreamListener} given to {@link
 * #setListener(StreamListener)}, on the connection's event loop. Data that arrives before a
 * listener is set, or while {@linkplain #setAutoRead(boolean) auto-read} is off, is held; yamux
 * window credit is returned to the peer only for data handed to the listener, so a slow reader
 * stops the peer after at most one receive window (256 KiB, growing up to 16 MiB for a fast reader)
 * instead of filling memory.
 *
 * <p><b>Writing.</b> {@link #write(byte[])} never blocks and never fails for lack of window: bytes
 * beyond the peer's window wait in the stream. A writer with much to send writes while {@link
 * #isWritable()} and continues on {@link StreamListener#onWritable()}. Ignoring it is bounded: a
 * write that would leave more than {@link #MAX_UNSENT_BYTES} unsent fails with {@link
 * IllegalStateException}.
 *
 * <p><b>Closing.</b> {@link #closeWrite()} half-closes (yamux FIN) after the queued bytes; the peer
 * may still send until it closes too. {@link #reset()} aborts both directions (RST) and drops
 * unsent bytes. The stream is gone once both sides closed or either reset; {@link
 * StreamListener#onClosed()} reports it.
 */
public interface Stream {

  /** Writes beyond this many unsent bytes (queued for the peer's window or the socket) fail. */
  int MAX_UNSENT_BYTES = 16 << 20;

  /** Unsent bytes below which a stream is writable again: one initial yamux window, 256 KiB. */
  int WRITABLE_BELOW_BYTES = 256 * 1024;

  /** The negotiated protocol id. */
  String protocol();

  Connection connection();

  /** Whether we opened it. */
  boolean isInitiator();

  /** The yamux stream id (odd: opened by the dialer of the connection). */
  int id();

  /** Sets who receives data and events, and delivers anything held so far. */
  void setListener(StreamListener listener);

  /** While off, received data is held (and the peer's window not replenished). Default on. */
  void setAutoRead(boolean autoRead);

  /**
   * Queues {@code bytes} for sending. The array is the stream's from now on.
   *
   * @throws IllegalStateException after {@link #closeWrite()} or a reset, or beyond {@link
   *     #MAX_UNSENT_BYTES}
   */
  void write(byte[] bytes);

  /** Whether fewer than {@link #WRITABLE_BELOW_BYTES} wait and the socket takes more. */
  boolean isWritable();

  /** Half-closes our direction (FIN after the queued bytes). Idempotent. */
  void closeWrite();

  /** Resets the stream (RST). Idempotent. */
  void reset();

  /** Whether the stream is still open in at least one direction. */
  boolean isOpen();
}
