package dev.payrelay.p2p.mux.yamux;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes yamux frames and decodes them incrementally from arbitrary chunks. The decoder rejects a
 * version other than 0, an unknown type, and a data length above {@code maxFramePayloadBytes} (our
 * limit, not the spec's) before buffering any payload. After an error the decoder is unusable.
 *
 * @see <a href="https://github.com/libp2p/specs/blob/master/yamux/README.md#framing">yamux,
 *     Framing</a>
 */
public final class YamuxFrameCodec {

  /** Default largest data payload we accept in one frame: 1 MiB. */
  public static final int MAX_FRAME_PAYLOAD_BYTES = 1 << 20;

  private final int maxFramePayloadBytes;
  private final byte[] header = new byte[YamuxFrame.HEADER_BYTES];
  private int headerFill;
  private int pendingFlags;
  private int pendingStreamId;
  private byte[] payload;
  private int payloadFill;
  private boolean failed;

  /** A decoder with {@link #MAX_FRAME_PAYLOAD_BYTES}. */
  public YamuxFrameCodec() {
    this(MAX_FRAME_PAYLOAD_BYTES);
  }

  public YamuxFrameCodec(int maxFramePayloadBytes) {
    if (maxFramePayloadBytes < 1) {
      throw new IllegalArgumentException("maxFramePayloadBytes must be positive");
    }
    this.maxFramePayloadBytes = maxFramePayloadBytes;
  }

  /** Encodes one frame. */
  public static byte[] encode(YamuxFrame frame) {
    ByteBuffer out = ByteBuffer.allocate(frame.wireSize());
    encodeTo(frame, out);
    return out.array();
  }

  /** Encodes frames back to back. */
  public static byte[] encodeAll(List<YamuxFrame> frames) {
    int size = 0;
    for (YamuxFrame frame : frames) {
      size += frame.wireSize();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (YamuxFrame frame : frames) {
      encodeTo(frame, out);
    }
    return out.array();
  }

  /** Writes one frame (header and payload) into {@code out}, big-endian. */
  public static void encodeTo(YamuxFrame frame, ByteBuffer out) {
    out.put((byte) YamuxFrame.VERSION);
    out.put((byte) frame.type().code());
    out.putShort((short) frame.flags());
    out.putInt(frame.streamId());
    out.putInt((int) frame.length());
    out.put(frame.payload());
  }

  /**
   * Decodes every frame completed by {@code chunk}; a partial frame stays buffered.
   *
   * @throws YamuxProtocolException on a bad version, unknown type or oversized data frame
   */
  public List<YamuxFrame> decode(byte[] chunk) throws YamuxProtocolException {
    if (failed) {
      throw new IllegalStateException("decoder failed earlier");
    }
    List<YamuxFrame> frames = new ArrayList<>();
    int pos = 0;
    while (pos < chunk.length || (payload != null && payloadFill == payload.length)) {
      if (payload == null) {
        int take = Math.min(YamuxFrame.HEADER_BYTES - headerFill, chunk.length - pos);
        System.arraycopy(chunk, pos, header, headerFill, take);
        headerFill += take;
        pos += take;
        if (headerFill < YamuxFrame.HEADER_BYTES) {
          break;
        }
        YamuxFrame headerOnly = parseHeader();
        headerFill = 0;
        if (headerOnly != null) {
          frames.add(headerOnly);
        }
        continue;
      }
      int take = Math.min(payload.length - payloadFill, chunk.length - pos);
      System.arraycopy(chunk, pos, payload, payloadFill, take);
      payloadFill += take;
      pos += take;
      if (payloadFill == payload.length) {
        frames.add(YamuxFrame.data(pendingStreamId, pendingFlags, payload));
        payload = null;
      }
    }
    return frames;
  }

  /** Parses the full header; returns a frame unless a data payload must follow. */
  private YamuxFrame parseHeader() throws YamuxProtocolException {
    ByteBuffer view = ByteBuffer.wrap(header);
    int version = view.get() & 0xff;
    int typeCode = view.get() & 0xff;
    int flags = view.getShort() & 0xffff;
    int streamId = view.getInt();
    long length = view.getInt() & YamuxFrame.MAX_U32;
    if (version != YamuxFrame.VERSION) {
      throw fail("unsupported yamux version " + version);
    }
    YamuxFrameType type = YamuxFrameType.fromCode(typeCode);
    if (type == null) {
      throw fail("unknown yamux frame type " + typeCode);
    }
    if (type != YamuxFrameType.DATA) {
      return new YamuxFrame(type, flags, streamId, length, new byte[0]);
    }
    if (length > maxFramePayloadBytes) {
      throw fail("data frame of " + length + " bytes exceeds " + maxFramePayloadBytes);
    }
    pendingFlags = flags;
    pendingStreamId = streamId;
    payload = new byte[(int) length];
    payloadFill = 0;
    return null;
  }

  private YamuxProtocolException fail(String message) {
    failed = true;
    return new YamuxProtocolException(message);
  }
}
