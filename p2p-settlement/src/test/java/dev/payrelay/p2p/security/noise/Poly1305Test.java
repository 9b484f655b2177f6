package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Poly1305} gives RFC 8439 §2.5.2's tag and those of Appendix A.3, whose vectors #5-#11 aim
 * at the carries and the final reduction modulo 2<sup>130</sup>−5 of limb-based implementations.
 */
class Poly1305Test {

  private static final HexFormat HEX = HexFormat.of();
  private static final String ZERO_16 = "00000000000000000000000000000000";
  private static final String IETF_TEXT =
      "Any submission to the IETF intended by the Contributor for publication as all or part of an"
          + " IETF Internet-Draft or RFC and any statement made within the context of an IETF"
          + " activity is considered an \"IETF Contribution\". Such statements include oral"
          + " statements in IETF sessions, as well as written and electronic communications made"
          + " at any time or place, which are addressed to";
  private static final String JABBERWOCKY =
      "'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\nAll mimsy were the"
          + " borogoves,\nAnd the mome raths outgrabe.";

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(
            "2.5.2",
            "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b",
            ascii("Cryptographic Forum Research Group"),
            "a8061dc1305136c6c22b8baf0c0127a9"),
        Arguments.of("A.3 #1", ZERO_16 + ZERO_16, ZERO_16.repeat(4), ZERO_16),
        Arguments.of(
            "A.3 #2",
            ZERO_16 + "36e5f6b5c5e06070f0efca96227a863e",
            ascii(IETF_TEXT),
            "36e5f6b5c5e06070f0efca96227a863e"),
        Arguments.of(
            "A.3 #3",
            "36e5f6b5c5e06070f0efca96227a863e" + ZERO_16,
            ascii(IETF_TEXT),
            "f3477e7cd95417af89a6b8794c310cf0"),
        Arguments.of(
            "A.3 #4",
            "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0",
            ascii(JABBERWOCKY),
            "4541669a7eaaee61e708dc7cbcc5eb62"),
        Arguments.of(
            "A.3 #5: a partially reduced result that is not fully reduced",
            "02" + "00".repeat(15) + ZERO_16,
            "ff".repeat(16),
            "03" + "00".repeat(15)),
        Arguments.of(
            "A.3 #6: adding s overflows 2^128",
            "02" + "00".repeat(15) + "ff".repeat(16),
            "02" + "00".repeat(15),
            "03" + "00".repeat(15)),
        Arguments.of(
            "A.3 #7: a data limb of all ones with a carry from below",
            "01" + "00".repeat(15) + ZERO_16,
            "ff".repeat(16) + "f0" + "ff".repeat(15) + "11" + "00".repeat(15),
            "05" + "00".repeat(15)),
        Arguments.of(
            "A.3 #8: the polynomial part is exactly 2^130-5",
            "01" + "00".repeat(15) + ZERO_16,
            "ff".repeat(16) + "fb" + "fe".repeat(15) + "01".repeat(16),
            ZERO_16),
        Arguments.of(
            "A.3 #9: the polynomial part is exactly 2^130-6",
            "02" + "00".repeat(15) + ZERO_16,
            "fd" + "ff".repeat(15),
            "fa" + "ff".repeat(15)),
        Arguments.of(
            "A.3 #10: 5*H+L reduction makes a 131-bit intermediate result",
            "0100000000000000" + "0400000000000000" + ZERO_16,
            "e33594d7505e43b90000000000000000"
                + "3394d7505e4379cd0100000000000000"
                + ZERO_16
                + "01000000000000000000000000000000",
            "14000000000000005500000000000000"),
        Arguments.of(
            "A.3 #11: 5*H+L reduction makes a 131-bit final result",
            "0100000000000000" + "0400000000000000" + ZERO_16,
            "e33594d7505e43b90000000000000000" + "3394d7505e4379cd0100000000000000" + ZERO_16,
            "13000000000000000000000000000000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givesTheTagOfRfc8439(String vector, String key, String message, String tag) {
    assertThat(HEX.formatHex(Poly1305.mac(HEX.parseHex(key), HEX.parseHex(message))))
        .isEqualTo(tag);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void aReusedInstanceGivesTheSameTagAfterReset(
      String vector, String key, String message, String tag) {
    Poly1305 poly = new Poly1305();
    byte[] garbage = HEX.parseHex("ff".repeat(32));
    poly.reset(garbage, 0);
    poly.updatePadded(garbage, 0, garbage.length);
    byte[] keyAtOffset = HEX.parseHex("abcd" + key);
    poly.reset(keyAtOffset, 2);
    byte[] bytes = HEX.parseHex(message);
    poly.updateLast(bytes, 0, bytes.length);
    byte[] out = new byte[Poly1305.TAG_BYTES + 1];
    poly.finish(out, 1);
    assertThat(HEX.formatHex(out)).isEqualTo("00" + tag);
  }

  private static String ascii(String text) {
    return HEX.formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }
}
