package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeyTest {
  // peer-ids spec, "Test vectors", Ed25519 public key.
  private static final String ED25519_PUBLIC =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

  @Test
  void unmarshalsAndRemarshalsEverySpecVectorByteForByte() {
    for (String[] row : Golden.rows("peer-id-vectors.tsv")) {
      byte[] encoded = Golden.hex(row[1]);
      PublicKey key = PublicKey.unmarshal(encoded);
      assertThat(key.type().name()).isEqualToIgnoringCase(row[0]);
      assertThat(key.marshal()).as(row[0]).isEqualTo(encoded);
    }
  }

  @Test
  void encodesEd25519AsTypeThenDataWithNothingElse() {
    PublicKey key = PublicKey.unmarshal(Golden.hex(ED25519_PUBLIC));
    assertThat(key.type()).isEqualTo(KeyType.ED25519);
    assertThat(Golden.hex(key.data()))
        .isEqualTo("1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
    assertThat(Golden.hex(PublicKey.ed25519(key.data()).marshal())).isEqualTo(ED25519_PUBLIC);
  }

  @Test
  void writesTheRequiredTypeFieldEvenForRsaWhoseNumberIsZero() {
    assertThat(Golden.hex(new PublicKey(KeyType.RSA, new byte[] {1}).marshal()))
        .isEqualTo("0800120101");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // nothing
        "0801", // no Data
        "12020102", // no Type
        "1220"
            + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e"
            + "0801", // order
        "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e1801", // extra
        "0801080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e", // twice
        "08810012201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e", // non-minimal
        "0804120101", // unknown key type
        "0801121f1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce2", // 31-byte Ed25519
        "080112201ed1e8fae2c4a144", // truncated
        "0a0101" // Type with the wrong wire type
      })
  void rejectsMalformedOrNonCanonicalEncodings(String hex) {
    assertThatThrownBy(() -> PublicKey.unmarshal(Golden.hex(hex)))
        .isInstanceOf(KeyFormatException.class);
  }

  @Test
  void onlyEd25519KeysCanVerifyAndOthersRefuseRatherThanThrow() {
    PublicKey secp =
        PublicKey.unmarshal(
            Golden.hex(
                "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99"));
    assertThat(secp.canVerify()).isFalse();
    assertThat(secp.verify(new byte[0], new byte[64])).isFalse();
  }

  @Test
  void aPublicKeyDoesNotExposeItsArrays() {
    byte[] raw = new byte[32];
    PublicKey key = PublicKey.ed25519(raw);
    raw[0] = 1;
    key.data()[1] = 1;
    assertThat(key.data()).containsOnly(0);
  }
}
