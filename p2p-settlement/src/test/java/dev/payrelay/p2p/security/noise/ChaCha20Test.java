package dev.payrelay.p2p.security.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ChaCha20} gives the block and encryption vectors of RFC 8439 §2.3.2, §2.4.2 and A.1-A.2.
 */
class ChaCha20Test {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY_0_TO_31 =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void theBlockFunctionGivesSection232() {
    byte[] nonce = HEX.parseHex("000000090000004a00000000");
    byte[] block = keystream(KEY_0_TO_31, 1, nonce);
    assertThat(HEX.formatHex(block))
        .isEqualTo(
            "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
  }

  @Test
  void encryptionGivesSection242AcrossTwoBlocksAndAPartialOne() {
    byte[] nonce = HEX.parseHex("000000000000004a00000000");
    byte[] plaintext = Rfc8439.SUNSCREEN;
    String expected =
        "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
            + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
            + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
            + "5af90bbf74a35be6b40b8eedf2785e42874d";
    assertThat(HEX.formatHex(encrypt(KEY_0_TO_31, 1, nonce, plaintext))).isEqualTo(expected);
    // Decryption is the same operation, here in place at an offset.
    byte[] buffer = new byte[3 + plaintext.length];
    System.arraycopy(HEX.parseHex(expected), 0, buffer, 3, plaintext.length);
    new ChaCha20(KEY_0_TO_31)
        .xor(
            1,
            word(nonce, 0),
            word(nonce, 1),
            word(nonce, 2),
            buffer,
            3,
            plaintext.length,
            buffer,
            3);
    assertThat(java.util.Arrays.copyOfRange(buffer, 3, buffer.length)).isEqualTo(plaintext);
  }

  static Stream<Arguments> appendixA1() {
    String zeros = "00".repeat(32);
    String noNonce = "00".repeat(12);
    return Stream.of(
        Arguments.of(
            "#1",
            zeros,
            0,
            noNonce,
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"),
        Arguments.of(
            "#3",
            "00".repeat(31) + "01",
            1,
            noNonce,
            "3aeb5224ecf849929b9d828db1ced4dd832025e8018b8160b82284f3c949aa5a"
                + "8eca00bbb4a73bdad192b5c42f73f2fd4e273644c8b36125a64addeb006c13a0"),
        Arguments.of(
            "#4",
            "00ff" + "00".repeat(30),
            2,
            noNonce,
            "72d54dfbf12ec44b362692df94137f328fea8da73990265ec1bbbea1ae9af0ca"
                + "13b25aa26cb4a648cb9b9d1be65b2c0924a66c54d545ec1b7374f4872e99f096"),
        Arguments.of(
            "#5",
            zeros,
            0,
            "00".repeat(11) + "02",
            "c2c64d378cd536374ae204b9ef933fcd1a8b2288b3dfa49672ab765b54ee27c7"
                + "8a970e0e955c14f3a88e741b97c286f75f8fc299e8148362fa198a39531bed6d"));
  }

  @ParameterizedTest(name = "A.1 {0}")
  @MethodSource("appendixA1")
  void blocksOfAppendixA1(String vector, String key, int counter, String nonce, String block) {
    assertThat(HEX.formatHex(keystream(HEX.parseHex(key), counter, HEX.parseHex(nonce))))
        .isEqualTo(block);
  }

  @Test
  void encryptionOfAppendixA2Vector3StartsAtCounter42() {
    byte[] key = HEX.parseHex("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0");
    byte[] nonce = HEX.parseHex("000000000000000000000002");
    byte[] plaintext =
        ("'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\nAll mimsy were"
                + " the borogoves,\nAnd the mome raths outgrabe.")
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(HEX.formatHex(encrypt(key, 42, nonce, plaintext)))
        .isEqualTo(
            "62e6347f95ed87a45ffae7426f27a1df5fb69110044c0d73118effa95b01e5cf"
                + "166d3df2d721caf9b21e5fb14c616871fd84c54f9d65b283196c7fe4f60553eb"
                + "f39c6402c42234e32a356b3e764312a61a5532055716ead6962568f87d3f3f77"
                + "04c6a8d1bcd1bf4d50d6154b6da731b187b58dfd728afa36757a797ac188d1");
  }

  @Test
  void aKeyOfTheWrongLengthIsRejected() {
    assertThatThrownBy(() -> new ChaCha20(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 16");
  }

  private static byte[] keystream(byte[] key, int counter, byte[] nonce) {
    byte[] out = new byte[ChaCha20.BLOCK_BYTES];
    new ChaCha20(key).keystream(counter, word(nonce, 0), word(nonce, 1), word(nonce, 2), out, 0);
    return out;
  }

  private static byte[] encrypt(byte[] key, int counter, byte[] nonce, byte[] plaintext) {
    byte[] out = new byte[plaintext.length];
    new ChaCha20(key)
        .xor(
            counter,
            word(nonce, 0),
            word(nonce, 1),
            word(nonce, 2),
            plaintext,
            0,
            plaintext.length,
            out,
            0);
    return out;
  }

  private static int word(byte[] nonce, int i) {
    return ChaCha20.nonceWord(nonce, i);
  }
}
