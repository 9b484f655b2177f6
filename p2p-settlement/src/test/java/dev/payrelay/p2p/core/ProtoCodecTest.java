package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtoCodecTest {

  @Test
  void writesFieldsInCallOrderWithMinimalTagsAndLengths() {
    byte[] encoded =
        new ProtoWriter()
            .writeVarint(1, 150)
            .writeString(2, "testing")
            .writeBool(3, true)
            .writeBytes(16, new byte[] {1, 2})
            .toByteArray();
    // Protobuf encoding guide: field 1 = 150 is "08 96 01"; field 2 = "testing" is "12 07 74 65 73
    // 74 69 6e 67"; field 16 needs a two-byte tag "82 01".
    assertThat(Golden.hex(encoded)).isEqualTo("089601120774657374696e6718018201020102");
  }

  @Test
  void writesNegativeNumbersAsTenByteTwosComplement() {
    assertThat(Golden.hex(new ProtoWriter().writeVarint(1, -1).toByteArray()))
        .isEqualTo("08ffffffffffffffffff01");
  }

  @Test
  void readsWhatItWrote() {
    ProtoWriter nested = new ProtoWriter().writeString(1, "/meshsub/1.1.0");
    byte[] encoded =
        new ProtoWriter()
            .writeVarint(1, Long.MIN_VALUE)
            .writeMessage(2, nested)
            .writeBool(3, false)
            .toByteArray();
    ProtoReader reader = new ProtoReader(encoded);
    assertThat(reader.next()).isTrue();
    assertThat(reader.fieldNumber()).isEqualTo(1);
    assertThat(reader.readVarint()).isEqualTo(Long.MIN_VALUE);
    assertThat(reader.next()).isTrue();
    ProtoReader inner = reader.readMessage(100);
    assertThat(inner.next()).isTrue();
    assertThat(inner.readString(100)).isEqualTo("/meshsub/1.1.0");
    assertThat(inner.next()).isFalse();
    assertThat(reader.next()).isTrue();
    assertThat(reader.readBool()).isFalse();
    assertThat(reader.next()).isFalse();
  }

  @Test
  void skipsUnknownFieldsOfEveryWireTypeTheCallerDoesNotRead() {
    // field 5 varint, field 6 fixed64, field 7 fixed32, field 8 bytes, then field 1 = 7
    byte[] encoded = Golden.hex("2801" + "310102030405060708" + "3d01020304" + "4202abcd" + "0807");
    ProtoReader reader = new ProtoReader(encoded);
    long found = -1;
    while (reader.next()) {
      if (reader.fieldNumber() == 1) {
        found = reader.readVarint();
      }
    }
    assertThat(found).isEqualTo(7);
  }

  @Test
  void rejectsAKnownFieldWithTheWrongWireType() {
    ProtoReader reader = new ProtoReader(Golden.hex("0a0101"));
    reader.next();
    assertThatThrownBy(reader::readVarint)
        .isExactlyInstanceOf(ProtobufException.class)
        .hasMessageContaining("field 1 has wire type 2, expected 0");
  }

  @Test
  void rejectsALengthPastTheEndOfTheInput() {
    ProtoReader reader = new ProtoReader(Golden.hex("0a05010203"));
    reader.next();
    assertThatThrownBy(reader::readBytes)
        .isExactlyInstanceOf(ProtobufException.class)
        .hasMessageContaining("claims 5 bytes but only 3 remain");
  }

  @Test
  void rejectsALengthOverTheCallersLimit() {
    ProtoReader reader = new ProtoReader(Golden.hex("0a03010203"));
    reader.next();
    assertThatThrownBy(() -> reader.readBytes(2))
        .isExactlyInstanceOf(ProtobufException.class)
        .hasMessageContaining("over the limit of 2");
  }

  @Test
  void rejectsAHugeLengthWithoutAllocatingIt() {
    ProtoReader reader = new ProtoReader(Golden.hex("0affffffff0f00"));
    reader.next();
    assertThatThrownBy(reader::readBytes).isExactlyInstanceOf(ProtobufException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "08", // varint field without a value
        "0880", // varint cut short
        "31010203", // fixed64 cut short
        "3d01", // fixed32 cut short
        "0a", // length missing
        "80", // tag cut short
        "00", // field number 0
        "0b", // wire type 3 (start group)
        "0c", // wire type 4 (end group)
        "0e", // wire type 6
        "08ffffffffffffffffff7f", // varint overflowing 64 bits
        "08ffffffffffffffffffff01" // varint longer than 10 bytes
      })
  void rejectsMalformedInput(String hex) {
    assertThatThrownBy(
            () -> {
              ProtoReader reader = new ProtoReader(Golden.hex(hex));
              while (reader.next()) {
                reader.skip();
              }
            })
        .isExactlyInstanceOf(ProtobufException.class);
  }

  @Test
  void rejectsABoolThatIsNeitherZeroNorOne() {
    ProtoReader reader = new ProtoReader(Golden.hex("0802"));
    reader.next();
    assertThatThrownBy(reader::readBool).isExactlyInstanceOf(ProtobufException.class);
  }

  @Test
  void rejectsAStringThatIsNotUtf8() {
    ProtoReader reader = new ProtoReader(Golden.hex("0a02c328"));
    reader.next();
    assertThatThrownBy(() -> reader.readString(10))
        .isExactlyInstanceOf(ProtobufException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void readingBeforeNextIsAProgrammingError() {
    assertThatThrownBy(() -> new ProtoReader(new byte[0]).readVarint())
        .isInstanceOf(IllegalStateException.class);
  }
}
