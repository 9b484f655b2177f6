package dev.payrelay.p2p.mux.yamux;

import java.util.Objects;

/**
 * One yamux frame: the 12-byte big-endian header (version 0, type, flags u16, stream id u32, length
 * u32) and, for {@link YamuxFrameType#DATA}, the payload.
 *
 * @param type frame type
 * @param flags bit set of {@link #FLAG_SYN}, {@link #FLAG_ACK}, {@link #FLAG_FIN}, {@link
 *     #FLAG_RST}
 * @param streamId stream id as an unsigned 32-bit value held in an {@code int}; 0 is the session
 * @param length the length field as an unsigned 32-bit value: payload length for data, delta for a
 *     window update, opaque value for a ping, error code for a go away
 * @param payload data payload; empty for every type but data
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md#framing">yamux,
 *     Framing</a>
 */
public record YamuxFrame(
    YamuxFrameType type, int flags, int streamId, long length, byte[] payload) {

  /** Header size in bytes. */
  public static final int HEADER_BYTES = 12;

  /** The only protocol version. */
  public static final int VERSION = 0;

  /** Opens a stream (or marks an outbound ping). */
  public static final int FLAG_SYN = 0x1;

  /** Acknowledges a stream (or marks a ping response). */
  public static final int FLAG_ACK = 0x2;

  /** Half-closes the stream: the sender will send no more data. */
  public static final int FLAG_FIN = 0x4;

  /** Resets the stream immediately. */
  public static final int FLAG_RST = 0x8;

  /** Go away code: normal termination. */
  public static final int GO_AWAY_NORMAL = 0;

  /** Go away code: protocol error. */
  public static final int GO_AWAY_PROTOCOL_ERROR = 1;

  /** Go away code: internal error. */
  public static final int GO_AWAY_INTERNAL_ERROR = 2;

  static final long MAX_U32 = 0xFFFF_FFFFL;

  private static final byte[] EMPTY = new byte[0];

  public YamuxFrame {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if ((flags & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("flags are 16 bits");
    }
    if (length < 0 || length > MAX_U32) {
      throw new IllegalArgumentException("length is an unsigned 32-bit value");
    }
    if (type == YamuxFrameType.DATA ? payload.length != length : payload.length != 0) {
      throw new IllegalArgumentException("payload does not match type and length");
    }
  }

  /** A data frame carrying {@code payload}. */
  public static YamuxFrame data(int streamId, int flags, byte[] payload) {
    return new YamuxFrame(YamuxFrameType.DATA, flags, streamId, payload.length, payload);
  }

  /** A window update adding {@code delta} bytes to the peer's send window. */
  public static YamuxFrame windowUpdate(int streamId, int flags, long delta) {
    return new YamuxFrame(YamuxFrameType.WINDOW_UPDATE, flags, streamId, delta, EMPTY);
  }

  /** A ping on stream 0. */
  public static YamuxFrame ping(int flags, long opaque) {
    return new YamuxFrame(YamuxFrameType.PING, flags, 0, opaque, EMPTY);
  }

  /** A go away on stream 0. */
  public static YamuxFrame goAway(int code) {
    return new YamuxFrame(YamuxFrameType.GO_AWAY, 0, 0, code, EMPTY);
  }

  /** Whether every bit of {@code flag} is set. */
  public boolean has(int flag) {
    return (flags & flag) == flag;
  }

  /** Bytes on the wire: header plus payload. */
  public int wireSize() {
    return HEADER_BYTES + payload.length;
  }

  @Override
  public String toString() {
    return "YamuxFrame["
        + type
        + " flags=0x"
        + Integer.toHexString(flags)
        + " stream="
        + Integer.toUnsignedString(streamId)
        + " length="
        + length
        + "]";
  }
}
