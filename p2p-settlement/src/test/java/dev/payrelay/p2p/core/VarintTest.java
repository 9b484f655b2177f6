package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VarintTest {

  // multiformats/unsigned-varint README, "Examples"; the 9-byte maximum from its "Practical
  // maximum" section (2^63 - 1).
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "255, ff01",
    "300, ac02",
    "16384, 808001",
    "421, a503",
    "9223372036854775807, ffffffffffffffff7f"
  })
  void encodesAndDecodesTheSpecExamples(long value, String hex) {
    assertThat(Golden.hex(Varint.encode(value))).isEqualTo(hex);
    assertThat(Varint.decodeExactly(Golden.hex(hex))).isEqualTo(value);
    assertThat(Varint.encodedLength(value)).isEqualTo(hex.length() / 2);
  }

  @Test
  void theLargestValueTakesNineBytes() {
    assertThat(Varint.encode(Varint.MAX_VALUE)).hasSize(Varint.MAX_BYTES);
    assertThat(Varint.encodedLength(1L << 62)).isEqualTo(Varint.MAX_BYTES);
    assertThat(Varint.encodedLength((1L << 56) - 1)).isEqualTo(8);
  }

  @Test
  void refusesToEncodeNegativeValues() {
    assertThatThrownBy(() -> Varint.encode(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("18446744073709551615");
  }

  @ParameterizedTest
  @ValueSource(strings = {"8000", "ff00", "808000", "ff8000", "ffffffffffffffff00"})
  void rejectsNonMinimalEncodings(String hex) {
    assertThatThrownBy(() -> Varint.decode(Golden.hex(hex), 0))
        .isExactlyInstanceOf(VarintException.class)
        .hasMessageContaining("not minimally encoded");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffffffffffffffff80", "ffffffffffffffffff01", "80808080808080808001"})
  void rejectsVarintsLongerThanNineBytes(String hex) {
    assertThatThrownBy(() -> Varint.decode(Golden.hex(hex), 0))
        .isExactlyInstanceOf(VarintException.class)
        .hasMessageContaining("longer than 9 bytes");
    ByteBuffer buffer = ByteBuffer.wrap(Golden.hex(hex));
    assertThatThrownBy(() -> Varint.decode(buffer)).isExactlyInstanceOf(VarintException.class);
    assertThat(buffer.position()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "80", "ff", "8080", "ffffffffffffffff"})
  void reportsTruncatedInputAsTruncated(String hex) {
    assertThatThrownBy(() -> Varint.decode(Golden.hex(hex), 0))
        .isExactlyInstanceOf(TruncatedVarintException.class);
  }

  @Test
  void aStreamBufferEndingInsideAVarintAsksForMoreBytesWithoutConsumingThem() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 0xac});
    assertThat(Varint.decode(buffer)).isEmpty();
    assertThat(buffer.position()).isZero();

    ByteBuffer complete = ByteBuffer.wrap(new byte[] {(byte) 0xac, 0x02, 0x7f});
    assertThat(Varint.decode(complete)).isEqualTo(OptionalLong.of(300));
    assertThat(complete.position()).isEqualTo(2);
    assertThat(Varint.decode(complete)).isEqualTo(OptionalLong.of(127));
    assertThat(Varint.decode(complete)).isEmpty();
  }

  @Test
  void aMalformedVarintInAStreamBufferIsAnErrorNotAWait() {
    ByteBuffer buffer = ByteBuffer.wrap(Golden.hex("8000"));
    assertThatThrownBy(() -> Varint.decode(buffer)).isExactlyInstanceOf(VarintException.class);
    assertThat(buffer.position()).isZero();
  }

  @Test
  void decodesFromAnOffsetAndLeavesTheRest() {
    byte[] in = Golden.hex("ffac02ff");
    assertThat(Varint.decode(in, 1)).isEqualTo(300);
  }

  @Test
  void decodeExactlyRejectsTrailingBytes() {
    assertThatThrownBy(() -> Varint.decodeExactly(Golden.hex("0100")))
        .isExactlyInstanceOf(VarintException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void writesIntoBuffersAndStreams() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4);
    Varint.write(300, buffer);
    assertThat(buffer.position()).isEqualTo(2);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    Varint.write(16384, stream);
    assertThat(Golden.hex(stream.toByteArray())).isEqualTo("808001");
  }
}
