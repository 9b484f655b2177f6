package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

  // RFC 4648 section 10 test vectors, lower case and without padding (multibase 'b').
  @ParameterizedTest
  @CsvSource({
    "'', ''",
    "f, my",
    "fo, mzxq",
    "foo, mzxw6",
    "foob, mzxw6yq",
    "fooba, mzxw6ytb",
    "foobar, mzxw6ytboi"
  })
  void encodesAndDecodesRfc4648Vectors(String plain, String text) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
    assertThat(Base32.encode(bytes)).isEqualTo(text);
    assertThat(Base32.decode(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MY", "my=", "m", "mzx", "mzxw6y", "mz", "m1", "mzxw6yr"})
  void rejectsUpperCasePaddingImpossibleLengthsAndNonZeroTrailingBits(String text) {
    assertThatThrownBy(() -> Base32.decode(text)).isExactlyInstanceOf(BaseEncodingException.class);
  }
}
