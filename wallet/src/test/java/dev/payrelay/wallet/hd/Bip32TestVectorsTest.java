package dev.payrelay.wallet.hd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.InvalidValueException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** BIP-32's published test vectors 1 to 5 (see {@code hd/bip32-test-vectors.txt}). */
class Bip32TestVectorsTest {

  private static final String PRIVATE_KEY_REFUSED = "must never be given a private key";

  /**
   * What our message says for each reason test vector 5 gives to an xpub-looking key. Any key
   * serialized as xprv is refused as a private key first, whatever else is wrong with it.
   */
  private static final Map<String, String> MESSAGE_FOR_REASON =
      Map.of(
          "pubkey version / prvkey mismatch",
          "starts with 0x00, which is how BIP-32 serializes a private key",
          "invalid pubkey prefix 04",
          "got prefix 0x04",
          "invalid pubkey prefix 01",
          "got prefix 0x01",
          "zero depth with non-zero parent fingerprint",
          "parent fingerprint",
          "zero depth with non-zero index",
          "child number",
          "unknown extended key version",
          "unknown version",
          "invalid pubkey 020000000000000000000000000000000000000000000000000000000000000007",
          "not a point on the secp256k1 curve");

  @Test
  void theVectorsFileHoldsEveryPublishedCase() {
    assertThat(Bip32TestVectors.CHAINS).hasSize(17);
    assertThat(Bip32TestVectors.INVALID).hasSize(16);
    assertThat(Bip32TestVectors.publicSteps()).hasSize(6);
  }

  static Stream<Arguments> publicSteps() {
    return Bip32TestVectors.publicSteps().stream().map(s -> Arguments.of(s[0], s[1]));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("publicSteps")
  void derivesEachNonHardenedChildFromItsParentXpubAlone(
      Bip32TestVectors.Chain parent, Bip32TestVectors.Chain child) {
    ExtendedPublicKey derived = ExtendedPublicKey.parse(parent.xpub()).child(child.lastIndex());

    assertThat(derived.toBase58()).isEqualTo(child.xpub());
  }

  static Stream<Bip32TestVectors.Chain> chains() {
    return Bip32TestVectors.CHAINS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void serializesEveryPublishedXpubBackToTheSameString(Bip32TestVectors.Chain chain) {
    ExtendedPublicKey key = ExtendedPublicKey.parse(chain.xpub());

    assertThat(key.toBase58()).isEqualTo(chain.xpub());
    assertThat(key.depth()).isEqualTo(chain.depth());
    assertThat(ExtendedPublicKey.parse(key.toBase58())).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void refusesEveryPublishedXprvAsAPrivateKey(Bip32TestVectors.Chain chain) {
    assertThatThrownBy(() -> ExtendedPublicKey.parse(chain.xprv()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("must never be given a private key")
        .message()
        .doesNotContain(chain.xprv());
  }

  static Stream<Bip32TestVectors.Invalid> invalidKeys() {
    return Bip32TestVectors.INVALID.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidKeys")
  void rejectsEveryInvalidKeyOfTestVector5ForTheReasonGiven(Bip32TestVectors.Invalid invalid) {
    String expected =
        invalid.key().startsWith("xprv")
            ? PRIVATE_KEY_REFUSED
            : MESSAGE_FOR_REASON.get(invalid.reason());
    assertThat(expected).as("expected message for %s", invalid.reason()).isNotNull();

    assertThatThrownBy(() -> ExtendedPublicKey.parse(invalid.key()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(expected);
  }
}
