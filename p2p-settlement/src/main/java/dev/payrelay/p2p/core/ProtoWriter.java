package dev.payrelay.p2p.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf fields in the order they are called, which lets callers produce the deterministic
 * encodings libp2p signs and hashes (fields in ascending number, nothing extra). Only the wire
 * types libp2p messages use: varint (0) and length-delimited (2).
 *
 * <p>Spec: <a href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>.
 * Protobuf varints are up to 10 bytes: a negative {@code long} is written as its 64-bit two's
 * complement, as {@code int64}/{@code uint64} fields require.
 */
public final class ProtoWriter {
  static final int WIRE_VARINT = 0;
  static final int WIRE_FIXED64 = 1;
  static final int WIRE_LENGTH_DELIMITED = 2;
  static final int WIRE_FIXED32 = 5;

  /** Largest field number protobuf allows, 2^29 − 1. */
  static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes a varint field ({@code int32/int64/uint32/uint64/enum}). */
  public ProtoWriter writeVarint(int fieldNumber, long value) {
    writeTag(fieldNumber, WIRE_VARINT);
    writeRawVarint(value);
    return this;
  }

  /** Writes a {@code bool} field. */
  public ProtoWriter writeBool(int fieldNumber, boolean value) {
    return writeVarint(fieldNumber, value ? 1 : 0);
  }

  /** Writes a {@code bytes} field, or an embedded message already encoded. */
  public ProtoWriter writeBytes(int fieldNumber, byte[] value) {
    writeTag(fieldNumber, WIRE_LENGTH_DELIMITED);
    writeRawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** Writes a {@code string} field as UTF-8. */
  public ProtoWriter writeString(int fieldNumber, String value) {
    return writeBytes(fieldNumber, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes an embedded message. */
  public ProtoWriter writeMessage(int fieldNumber, ProtoWriter message) {
    return writeBytes(fieldNumber, message.toByteArray());
  }

  /** Number of bytes written so far. */
  public int size() {
    return out.size();
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void writeTag(int fieldNumber, int wireType) {
    if (fieldNumber < 1 || fieldNumber > MAX_FIELD_NUMBER) {
      throw new IllegalArgumentException(
          "field number " + fieldNumber + " outside 1.." + MAX_FIELD_NUMBER);
    }
    writeRawVarint(((long) fieldNumber << 3) | wireType);
  }

  private void writeRawVarint(long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
