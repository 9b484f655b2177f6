package dev.payrelay.p2p.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads protobuf fields one at a time from untrusted bytes. Typical use:
 *
 * <pre>{@code
 * ProtoReader reader = new ProtoReader(bytes);
 * while (reader.next()) {
 *   switch (reader.fieldNumber()) {
 *     case 1 -> type = reader.readVarint();
 *     case 2 -> data = reader.readBytes(MAX_DATA_BYTES);
 *     default -> reader.skip();
 *   }
 * }
 * }</pre>
 *
 * <p>A {@code read…} method whose wire type does not match the field's tag throws, so a known field
 * with the wrong wire type is rejected; {@link #next()} skips a field the caller did not read, so
 * unknown fields are ignored. Every length is checked against the bytes left before anything is
 * allocated. Groups (wire types 3 and 4, deprecated) are rejected.
 *
 * <p>Spec: <a href="https://protobuf.dev/programming-guides/encoding/">protobuf encoding</a>.
 * Malformed input makes every method throw {@link ProtobufException} and nothing else; misuse (a
 * read before {@link #next()}, or of a field already read) throws {@link IllegalStateException}.
 */
public final class ProtoReader {
  private static final int MAX_VARINT_BYTES = 10;
  private static final int NO_FIELD = 0;

  private final byte[] in;
  private final int end;
  private int position;
  private int fieldNumber = NO_FIELD;
  private int wireType;
  private boolean consumed = true;

  /** Reads all of {@code in}. */
  public ProtoReader(byte[] in) {
    this(in, 0, in.length);
  }

  /** Reads {@code length} bytes of {@code in} from {@code offset}. */
  public ProtoReader(byte[] in, int offset, int length) {
    if (offset < 0 || length < 0 || offset > in.length - length) {
      throw new IndexOutOfBoundsException(
          "range " + offset + "+" + length + " outside 0.." + in.length);
    }
    this.in = in;
    this.position = offset;
    this.end = offset + length;
  }

  /**
   * Moves to the next field, skipping the current one if it was not read.
   *
   * @return false at the end of the input
   */
  public boolean next() {
    if (!consumed) {
      skip();
    }
    if (position == end) {
      fieldNumber = NO_FIELD;
      return false;
    }
    long tag = rawVarint("tag");
    long number = tag >>> 3;
    int type = (int) (tag & 0x7);
    if (number < 1 || number > ProtoWriter.MAX_FIELD_NUMBER) {
      throw new ProtobufException("invalid field number " + Long.toUnsignedString(number));
    }
    if (type != ProtoWriter.WIRE_VARINT
        && type != ProtoWriter.WIRE_FIXED64
        && type != ProtoWriter.WIRE_LENGTH_DELIMITED
        && type != ProtoWriter.WIRE_FIXED32) {
      throw new ProtobufException("field " + number + " has unsupported wire type " + type);
    }
    fieldNumber = (int) number;
    wireType = type;
    consumed = false;
    return true;
  }

  /** Number of the current field. */
  public int fieldNumber() {
    requireField();
    return fieldNumber;
  }

  /** Wire type of the current field (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
  public int wireType() {
    requireField();
    return wireType;
  }

  /** Reads the current field as a varint (any 64-bit value, as {@code uint64} bits). */
  public long readVarint() {
    expect(ProtoWriter.WIRE_VARINT);
    consumed = true;
    return rawVarint("field " + fieldNumber);
  }

  /** Reads the current field as a {@code bool}: 0 false, 1 true, anything else rejected. */
  public boolean readBool() {
    long value = readVarint();
    if (value != 0 && value != 1) {
      throw new ProtobufException(
          "field " + fieldNumber + " is a bool but holds " + Long.toUnsignedString(value));
    }
    return value == 1;
  }

  /** Reads the current field as bytes, with no limit beyond the input's own length. */
  public byte[] readBytes() {
    return readBytes(Integer.MAX_VALUE);
  }

  /**
   * Reads the current field as bytes.
   *
   * @throws ProtobufException if the field is longer than {@code maxBytes} or than the input left
   */
  public byte[] readBytes(int maxBytes) {
    int length = lengthPrefix(maxBytes);
    byte[] value = Arrays.copyOfRange(in, position, position + length);
    position += length;
    return value;
  }

  /** Reads the current field as a strict UTF-8 string of at most {@code maxBytes} bytes. */
  public String readString(int maxBytes) {
    int length = lengthPrefix(maxBytes);
    try {
      String value =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(in, position, length))
              .toString();
      position += length;
      return value;
    } catch (CharacterCodingException e) {
      throw new ProtobufException("field " + fieldNumber + " is not valid UTF-8");
    }
  }

  /**
   * Reads the current length-delimited field as an embedded message, without copying; the returned
   * reader covers only that field.
   */
  public ProtoReader readMessage(int maxBytes) {
    int length = lengthPrefix(maxBytes);
    ProtoReader message = new ProtoReader(in, position, length);
    position += length;
    return message;
  }

  /** Skips the current field, whatever its wire type. */
  public void skip() {
    requireField();
    if (consumed) {
      return;
    }
    switch (wireType) {
      case ProtoWriter.WIRE_VARINT -> readVarint();
      case ProtoWriter.WIRE_FIXED64 -> skipFixed(Long.BYTES);
      case ProtoWriter.WIRE_FIXED32 -> skipFixed(Integer.BYTES);
      default -> readMessage(Integer.MAX_VALUE);
    }
  }

  /** Bytes not read yet. */
  public int remaining() {
    return end - position;
  }

  private void skipFixed(int bytes) {
    if (end - position < bytes) {
      throw truncated("field " + fieldNumber);
    }
    position += bytes;
    consumed = true;
  }

  private int lengthPrefix(int maxBytes) {
    expect(ProtoWriter.WIRE_LENGTH_DELIMITED);
    consumed = true;
    long length = rawVarint("length of field " + fieldNumber);
    if (length < 0 || length > maxBytes) {
      throw new ProtobufException(
          "field "
              + fieldNumber
              + " is "
              + Long.toUnsignedString(length)
              + " bytes, over the limit of "
              + maxBytes);
    }
    if (length > end - position) {
      throw new ProtobufException(
          "field "
              + fieldNumber
              + " claims "
              + length
              + " bytes but only "
              + (end - position)
              + " remain");
    }
    return (int) length;
  }

  private void expect(int expectedWireType) {
    requireField();
    if (consumed) {
      throw new IllegalStateException("field " + fieldNumber + " was already read");
    }
    if (wireType != expectedWireType) {
      throw new ProtobufException(
          "field " + fieldNumber + " has wire type " + wireType + ", expected " + expectedWireType);
    }
  }

  private void requireField() {
    if (fieldNumber == NO_FIELD) {
      throw new IllegalStateException("no current field: call next() first");
    }
  }

  private long rawVarint(String what) {
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      if (position == end) {
        throw truncated(what);
      }
      int b = in[position++] & 0xff;
      if (i == MAX_VARINT_BYTES - 1 && b > 1) {
        throw new ProtobufException(what + ": varint overflows 64 bits");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new ProtobufException(what + ": varint longer than " + MAX_VARINT_BYTES + " bytes");
  }

  private static ProtobufException truncated(String what) {
    return new ProtobufException("input ends inside " + what);
  }
}
