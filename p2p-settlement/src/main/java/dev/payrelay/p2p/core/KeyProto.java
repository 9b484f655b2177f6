package dev.payrelay.p2p.core;

import java.util.Arrays;

/**
 * The shared wire form of the {@code PublicKey} and {@code PrivateKey} messages: {@code required
 * KeyType Type = 1; required bytes Data = 2;}, written in field order with nothing else, as the
 * peer-ids spec's "Note about deterministic encoding" requires.
 */
final class KeyProto {
  static final int FIELD_TYPE = 1;
  static final int FIELD_DATA = 2;

  /** Our limit on the {@code Data} field: room for an 8192-bit RSA key, DER-encoded. */
  static final int MAX_DATA_BYTES = 4096;

  private KeyProto() {}

  record Decoded(KeyType type, byte[] data) {}

  static byte[] encode(KeyType type, byte[] data) {
    return new ProtoWriter()
        .writeVarint(FIELD_TYPE, type.number())
        .writeBytes(FIELD_DATA, data)
        .toByteArray();
  }

  /**
   * Decodes and insists on the canonical encoding (re-encoding must give the same bytes): a key
   * accepted here always yields the same peer id as the bytes it arrived in.
   *
   * @throws KeyFormatException for anything else
   */
  static Decoded decode(byte[] encoded, String what) {
    if (encoded.length > MAX_DATA_BYTES + 16) {
      throw new KeyFormatException(what + " of " + encoded.length + " bytes is too large");
    }
    Long typeNumber = null;
    byte[] data = null;
    try {
      ProtoReader reader = new ProtoReader(encoded);
      while (reader.next()) {
        switch (reader.fieldNumber()) {
          case FIELD_TYPE -> typeNumber = reader.readVarint();
          case FIELD_DATA -> data = reader.readBytes(MAX_DATA_BYTES);
          default ->
              throw new KeyFormatException(what + " has an extra field " + reader.fieldNumber());
        }
      }
    } catch (ProtobufException e) {
      throw new KeyFormatException(what + " is not a valid protobuf: " + e.getMessage(), e);
    }
    if (typeNumber == null || data == null) {
      throw new KeyFormatException(
          what + " lacks its required " + (data == null ? "Data" : "Type"));
    }
    KeyType type = KeyType.fromNumber(typeNumber);
    if (!Arrays.equals(encode(type, data), encoded)) {
      throw new KeyFormatException(what + " is not canonically encoded");
    }
    return new Decoded(type, data);
  }
}
