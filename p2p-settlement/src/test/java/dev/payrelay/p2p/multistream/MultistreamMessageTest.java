package dev.payrelay.p2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultistreamMessageTest {

  @Test
  void encodesTheHeaderWithALengthThatCountsTheNewline() {
    byte[] expected = new byte[20];
    expected[0] = 0x13;
    byte[] text = "/multistream/1.0.0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, expected, 1, text.length);
    expected[19] = 0x0a;

    assertThat(MultistreamMessage.encode(MultistreamMessage.PROTOCOL_ID)).containsExactly(expected);
  }

  @Test
  void encodesNaAsTheSpecExample() {
    assertThat(MultistreamMessage.encode("na")).containsExactly(0x03, 0x6e, 0x61, 0x0a);
  }

  @Test
  void usesATwoByteVarintFromLength128() {
    String id = "/" + "a".repeat(126); // 127 bytes + newline = 128
    byte[] encoded = MultistreamMessage.encode(id);

    assertThat(encoded[0] & 0xff).isEqualTo(0x80);
    assertThat(encoded[1]).isEqualTo((byte) 0x01);
    assertThat(encoded).hasSize(130);
  }

  @ParameterizedTest
  @ValueSource(ints = {1_023, 1_024})
  void acceptsProtocolIdsUpToTheLimitIncludingTheNewline(int idBytes) {
    String id = "/" + "x".repeat(idBytes - 1);
    boolean fits = idBytes + 1 <= MultistreamMessage.MAX_PROTOCOL_ID_BYTES;

    assertThat(MultistreamMessage.isValidProtocolId(id)).isEqualTo(fits);
    if (fits) {
      assertThat(MultistreamMessage.encode(id)).hasSize(idBytes + 1 + 2);
    } else {
      assertThatThrownBy(() -> MultistreamMessage.encode(id))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rejectsProtocolIdsWithoutSlashOrWithControlCharacters() {
    assertThat(MultistreamMessage.isValidProtocolId("noise")).isFalse();
    assertThat(MultistreamMessage.isValidProtocolId("/a\nb")).isFalse();
    assertThat(MultistreamMessage.isValidProtocolId("/a\u0000")).isFalse();
    assertThat(MultistreamMessage.isValidProtocolId("/ü/1.0.0")).isTrue();
    assertThatThrownBy(() -> MultistreamMessage.encode("/a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
