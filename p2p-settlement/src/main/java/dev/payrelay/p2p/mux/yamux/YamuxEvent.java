package dev.payrelay.p2p.mux.yamux;

/** What a {@link YamuxSession} reports to the application, in order. */
public sealed interface YamuxEvent {

  /** The peer opened stream {@code streamId} (we already answered with ACK). */
  record InboundStream(int streamId) implements YamuxEvent {}

  /**
   * Data arrived on a stream. Call {@link YamuxSession#consumed(int, int)} once the application has
   * processed it, so the peer's window is replenished.
   */
  record Data(int streamId, byte[] bytes) implements YamuxEvent {}

  /** The peer half-closed the stream (FIN): no more data will arrive on it. */
  record RemoteClosed(int streamId) implements YamuxEvent {}

  /** The peer reset the stream (RST), or refused to open it. */
  record StreamReset(int streamId) implements YamuxEvent {}

  /** Both sides have half-closed the stream; it is gone. */
  record StreamClosed(int streamId) implements YamuxEvent {}

  /** A write did not fit the peer's window; {@code queuedBytes} wait for a window update. */
  record SendBlocked(int streamId, long queuedBytes) implements YamuxEvent {}

  /** Every queued byte of the stream has been sent. */
  record Writable(int streamId) implements YamuxEvent {}

  /** The peer answered our ping. */
  record PingAcked(long opaque, long rttNanos) implements YamuxEvent {}

  /** The peer is going away: no new streams; existing ones may finish. */
  record GoAwayReceived(long code) implements YamuxEvent {}

  /**
   * The peer broke the protocol. The output carries a go away with the protocol-error code; write
   * it, then close the connection. The session accepts nothing more.
   */
  record ProtocolError(String reason) implements YamuxEvent {}
}
