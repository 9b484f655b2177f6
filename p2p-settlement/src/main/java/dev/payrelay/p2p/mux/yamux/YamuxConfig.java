package dev.payrelay.p2p.mux.yamux;

import java.util.Objects;

/**
 * Limits of one yamux session. The initial window is not configurable: the spec fixes it at 256 KiB
 * for both sides ({@link #INITIAL_WINDOW_BYTES}).
 *
 * @param role dialer (odd ids) or listener (even ids)
 * @param maxStreams open streams (both directions) beyond which an incoming SYN is answered with
 *     RST
 * @param maxReceiveWindowBytes how far we grow a stream's receive window for a fast reader
 * @param maxInboundFramePayloadBytes largest data frame payload we accept
 * @param maxOutboundFramePayloadBytes largest data frame payload we send
 */
public record YamuxConfig(
    YamuxRole role,
    int maxStreams,
    int maxReceiveWindowBytes,
    int maxInboundFramePayloadBytes,
    int maxOutboundFramePayloadBytes) {

  /** Initial send and receive window of every stream, in bytes (spec "Flow Control"): 256 KiB. */
  public static final int INITIAL_WINDOW_BYTES = 256 * 1024;

  /** Default open-stream limit. */
  public static final int MAX_STREAMS = 1_024;

  /** Default largest receive window per stream, in bytes (as js-libp2p): 16 MiB. */
  public static final int MAX_RECEIVE_WINDOW_BYTES = 16 << 20;

  /** Default largest data payload we send per frame, in bytes (as js-libp2p): 64 KiB. */
  public static final int MAX_OUTBOUND_FRAME_PAYLOAD_BYTES = 64 * 1024;

  public YamuxConfig {
    Objects.requireNonNull(role, "role");
    if (maxStreams < 1) {
      throw new IllegalArgumentException("maxStreams must be positive");
    }
    if (maxReceiveWindowBytes < INITIAL_WINDOW_BYTES) {
      throw new IllegalArgumentException("maxReceiveWindowBytes below the initial window");
    }
    if (maxInboundFramePayloadBytes < 1 || maxOutboundFramePayloadBytes < 1) {
      throw new IllegalArgumentException("frame payload limits must be positive");
    }
  }

  /**
   * Our defaults for {@code role}. The inbound frame limit is the largest receive window: js-libp2p
   * sizes its data frames by the window we grant (its 64 KiB {@code maxMessageSize} is only where
   * it starts), so once a stream's window has grown a single frame can be megabytes long. The
   * window check still refuses any frame beyond what the stream was granted.
   */
  public static YamuxConfig defaults(YamuxRole role) {
    return new YamuxConfig(
        role,
        MAX_STREAMS,
        MAX_RECEIVE_WINDOW_BYTES,
        MAX_RECEIVE_WINDOW_BYTES,
        MAX_OUTBOUND_FRAME_PAYLOAD_BYTES);
  }

  /** A copy with another stream limit. */
  public YamuxConfig withMaxStreams(int limit) {
    return new YamuxConfig(
        role,
        limit,
        maxReceiveWindowBytes,
        maxInboundFramePayloadBytes,
        maxOutboundFramePayloadBytes);
  }

  /** A copy with another outbound frame size. */
  public YamuxConfig withMaxOutboundFramePayloadBytes(int bytes) {
    return new YamuxConfig(
        role, maxStreams, maxReceiveWindowBytes, maxInboundFramePayloadBytes, bytes);
  }
}
