package dev.payrelay.p2p.host;

/**
 * Receives what happens on one {@link Stream}, on the connection's event loop, in order. Must not
 * block. Only {@link #onData(byte[])} is required.
 */
public interface StreamListener {

  /** Bytes received, in order; the array is the listener's. */
  void onData(byte[] bytes);

  /** The peer half-closed (FIN): no more data will arrive. We may still write. */
  default void onRemoteClosed() {}

  /** The stream was reset by either side, or its connection closed, before both sides closed. */
  default void onReset() {}

  /** The stream is gone: both sides closed, or after {@link #onReset()}. Called once. */
  default void onClosed() {}

  /** The stream may have become {@linkplain Stream#isWritable() writable}; check and write. */
  default void onWritable() {}
}
