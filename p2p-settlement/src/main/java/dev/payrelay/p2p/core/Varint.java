package dev.payrelay.p2p.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Unsigned LEB128 varints as <a href="https://github.com/multiformats/unsigned-varint">
 * multiformats/unsigned-varint</a> defines them: seven bits per byte, least significant group
 * first, the high bit set on every byte but the last; at most {@value #MAX_BYTES} bytes, so at most
 * 63 bits of value; and the encoding MUST be minimal (no trailing {@code 0x00} group), so every
 * value has exactly one encoding and the number of bytes read is always {@link
 * #encodedLength(long)} of the value.
 *
 * <p>Protobuf varints are a different format (up to 10 bytes, non-minimal allowed); see {@link
 * ProtoReader}.
 */
public final class Varint {
  /** The spec's limit: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  /** The largest encodable value, 2^63 − 1. */
  public static final long MAX_VALUE = Long.MAX_VALUE;

  private static final int CONTINUATION_BIT = 0x80;
  private static final int PAYLOAD_BITS = 0x7f;
  private static final int BITS_PER_BYTE = 7;

  private Varint() {}

  /** Number of bytes {@code value} takes when encoded, 1 to {@value #MAX_BYTES}. */
  public static int encodedLength(long value) {
    requireEncodable(value);
    int length = 1;
    while ((value >>>= BITS_PER_BYTE) != 0) {
      length++;
    }
    return length;
  }

  /**
   * Encodes {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is negative (unsigned varints hold 0 to 2^63
   *     − 1)
   */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    int i = 0;
    while ((value & ~PAYLOAD_BITS) != 0) {
      out[i++] = (byte) ((value & PAYLOAD_BITS) | CONTINUATION_BIT);
      value >>>= BITS_PER_BYTE;
    }
    out[i] = (byte) value;
    return out;
  }

  /**
   * Writes {@code value} at the buffer's position.
   *
   * @throws java.nio.BufferOverflowException if fewer than {@link #encodedLength(long)} bytes
   *     remain
   */
  public static void write(long value, ByteBuffer out) {
    out.put(encode(value));
  }

  /** Writes {@code value} to {@code out}. */
  public static void write(long value, OutputStream out) throws IOException {
    out.write(encode(value));
  }

  /**
   * Decodes one varint that starts at {@code offset}; bytes after it are left alone. The number of
   * bytes consumed is {@link #encodedLength(long)} of the result.
   *
   * @throws TruncatedVarintException if the input ends inside the varint
   * @throws VarintException if it is not minimal or longer than {@value #MAX_BYTES} bytes
   */
  public static long decode(byte[] in, int offset) {
    if (offset < 0 || offset > in.length) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + in.length);
    }
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (offset + i >= in.length) {
        throw new TruncatedVarintException(
            "input ends after " + i + " byte(s) of a varint that needs more");
      }
      int b = in[offset + i] & 0xff;
      value |= (long) (b & PAYLOAD_BITS) << (BITS_PER_BYTE * i);
      if ((b & CONTINUATION_BIT) == 0) {
        requireMinimal(b, i);
        return value;
      }
    }
    throw overlong();
  }

  /**
   * Decodes a varint that must fill {@code in} exactly.
   *
   * @throws VarintException if {@code in} is not exactly one valid varint
   */
  public static long decodeExactly(byte[] in) {
    long value = decode(in, 0);
    int length = encodedLength(value);
    if (length != in.length) {
      throw new VarintException(
          (in.length - length) + " byte(s) of trailing data after a " + length + "-byte varint");
    }
    return value;
  }

  /**
   * Decodes a varint from a stream buffer. On success the position moves past it; if the buffer
   * ends inside the varint the result is empty and the position is unchanged (read more and call
   * again).
   *
   * @throws VarintException if the bytes can never form a valid varint (position unchanged)
   */
  public static OptionalLong decode(ByteBuffer in) {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (start + i >= in.limit()) {
        return OptionalLong.empty();
      }
      int b = in.get(start + i) & 0xff;
      value |= (long) (b & PAYLOAD_BITS) << (BITS_PER_BYTE * i);
      if ((b & CONTINUATION_BIT) == 0) {
        requireMinimal(b, i);
        in.position(start + i + 1);
        return OptionalLong.of(value);
      }
    }
    throw overlong();
  }

  private static void requireMinimal(int lastByte, int index) {
    if (lastByte == 0 && index > 0) {
      throw new VarintException(
          "varint is not minimally encoded: it ends in a 0x00 byte after " + index + " byte(s)");
    }
  }

  private static VarintException overlong() {
    return new VarintException(
        "varint is longer than " + MAX_BYTES + " bytes (more than 63 bits of value)");
  }

  private static void requireEncodable(long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "unsigned varints hold 0 to 2^63-1, not " + Long.toUnsignedString(value));
    }
  }
}
