package dev.payrelay.wallet.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.InvalidValueException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ExtendedPublicKeyTest {

  /** BIP-32 test vector 1, chain m/0H (depth 1). */
  private static final String XPUB =
      "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";

  private static final String XPRV =
      "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7";

  @Test
  void rejectsAMistypedCharacterAsABadChecksum() {
    String typo = XPUB.substring(0, 40) + (XPUB.charAt(40) == 'a' ? 'b' : 'a') + XPUB.substring(41);

    assertRejected(typo, "bad checksum");
  }

  @Test
  void rejectsATruncatedKeyAsTheWrongLength() {
    assertRejected(XPUB.substring(0, XPUB.length() - 4), "wrong length");
  }

  @Test
  void rejectsAKeyWithExtraCharactersAsTheWrongLength() {
    assertRejected(XPUB + "xyz", "wrong length");
  }

  @Test
  void rejectsAPayloadOfTheWrongSizeEvenWithAValidChecksum() {
    byte[] shortPayload = new byte[77];

    assertRejected(Base58Check.encode(shortPayload), "decodes to 81 bytes, expected 82");
  }

  @Test
  void rejectsACharacterOutsideTheBase58Alphabet() {
    assertRejected(XPUB.substring(0, 10) + "0" + XPUB.substring(11), "not Base58 at position 11");
  }

  @Test
  void rejectsAMissingKey() {
    assertRejected(null, "missing");
    assertRejected("  ", "missing");
  }

  @Test
  void rejectsAnUnknownVersionSuchAsSegwitYpub() {
    assertRejected(withVersion(0x049D7CB2), "unknown version 0x049d7cb2");
  }

  @Test
  void acceptsTheTestnetTpubVersionAndDerivesTheSameKeys() {
    ExtendedPublicKey tpub = ExtendedPublicKey.parse(withVersion(ExtendedKeyCodec.TPUB));

    assertThat(tpub.toBase58()).startsWith("tpub").isEqualTo(withVersion(ExtendedKeyCodec.TPUB));
    assertThat(tpub.derive(0, 7).address())
        .isEqualTo(ExtendedPublicKey.parse(XPUB).derive(0, 7).address());
  }

  @Test
  void refusesAnXprvAndNeverRepeatsItInTheMessage() {
    assertThatThrownBy(() -> ExtendedPublicKey.parse(XPRV))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must never be given a private key")
        .message()
        .doesNotContain(XPRV.substring(4, 20));
  }

  @Test
  void refusesAnXprvEvenWhenItIsTruncatedOrMistyped() {
    assertRejected(XPRV.substring(0, 50), "must never be given a private key");
  }

  @Test
  void refusesAPrivateVersionHiddenInAValidChecksum() {
    assertRejected(withVersion(0x04B2430C), "must never be given a private key"); // zprv
  }

  @Test
  void rejectsAPublicKeyWhoseXHasNoPointOnTheCurve() {
    byte[] x7 = new byte[33];
    x7[0] = 0x02;
    x7[32] = 0x07; // 02 || x = 7, the off-curve key of BIP-32 test vector 5

    assertRejected(withKey(x7), "not a point on the secp256k1 curve");
  }

  @Test
  void rejectsAPublicKeyWhoseXIsNotBelowTheFieldPrime() {
    byte[] big = HexFormat.of().parseHex("03" + "ff".repeat(32));

    assertRejected(withKey(big), "not a point on the secp256k1 curve");
  }

  @Test
  void refusesAHardenedChildIndex() {
    ExtendedPublicKey key = ExtendedPublicKey.parse(XPUB);

    assertThatThrownBy(() -> key.child(0x8000_0000))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("child index 2147483648 is hardened")
        .hasMessageContaining("private key");
    assertThatThrownBy(() -> key.derive(0, -1)).hasMessageContaining("4294967295 is hardened");
  }

  @Test
  void refusesAChildOfADepth255Key() {
    ExtendedPublicKey deepest = ExtendedPublicKey.parse(withDepth(255));

    assertThatThrownBy(() -> deepest.child(0)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void acceptsSurroundingWhitespaceAsPastedFromAFile() {
    assertThat(ExtendedPublicKey.parse(" " + XPUB + "\n").toBase58()).isEqualTo(XPUB);
  }

  @Test
  void toStringIdentifiesTheKeyWithoutRevealingIt() {
    ExtendedPublicKey key = ExtendedPublicKey.parse(XPUB);

    assertThat(key.toString()).doesNotContain(XPUB).contains("depth 1", "child 2147483648");
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> ExtendedPublicKey.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(message);
  }

  /** {@link #XPUB} re-serialized (valid checksum) with one field replaced. */
  private static ByteBuffer payload() {
    return ByteBuffer.wrap(Base58Check.decode(XPUB, ExtendedKeyCodec.PAYLOAD_BYTES, "test"));
  }

  private static String withVersion(int version) {
    return Base58Check.encode(payload().putInt(0, version).array());
  }

  private static String withDepth(int depth) {
    return Base58Check.encode(payload().put(4, (byte) depth).array());
  }

  private static String withKey(byte[] key) {
    return Base58Check.encode(payload().put(45, key).array());
  }
}
