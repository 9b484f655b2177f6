package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerIdTest {
  // peer-ids spec, "String representation" / "Decoding": one SHA-256 peer id in both text forms,
  // and an Ed25519 (identity multihash) peer id.
  private static final String SPEC_SHA256_CID =
      "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe";
  private static final String SPEC_SHA256_BASE58 = "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N";
  private static final String SPEC_ED25519 = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

  @Test
  void derivesTheExpectedPeerIdOfEverySpecKeyVectorInBothTextForms() {
    for (String[] row : Golden.rows("peer-id-vectors.tsv")) {
      PublicKey key = PublicKey.unmarshal(Golden.hex(row[1]));
      PeerId id = PeerId.fromPublicKey(key);
      assertThat(id.toBase58()).as(row[0]).isEqualTo(row[2]);
      assertThat(id.toCid()).as(row[0]).isEqualTo(row[3]);
      assertThat(PeerId.parse(row[2])).isEqualTo(id);
      assertThat(PeerId.parse(row[3])).isEqualTo(id);
      assertThat(id.matches(key)).isTrue();
    }
  }

  @Test
  void inlinesKeysOfAtMost42BytesAndHashesLargerOnes() {
    PeerId ed25519 = PeerId.parse("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
    assertThat(Golden.hex(ed25519.toBytes()))
        .isEqualTo("0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
    assertThat(ed25519.extractPublicKey()).isPresent();
    assertThat(ed25519.extractPublicKey().get().type()).isEqualTo(KeyType.ED25519);

    PeerId rsa = PeerId.parse("QmaeANgBs1DTSxWSrPPtobgQuxW8XTfsS4ydbK4rCHzqxG");
    assertThat(rsa.toBytes()).hasSize(34).startsWith(0x12, 0x20);
    assertThat(rsa.extractPublicKey()).isEmpty();
  }

  @Test
  void parsesTheSpecCidExampleToTheSamePeerIdAsItsBase58Form() {
    PeerId fromCid = PeerId.parse(SPEC_SHA256_CID);
    assertThat(fromCid).isEqualTo(PeerId.parse(SPEC_SHA256_BASE58));
    assertThat(fromCid.toBase58()).isEqualTo(SPEC_SHA256_BASE58);
    assertThat(fromCid.toCid()).isEqualTo(SPEC_SHA256_CID);
    assertThat(fromCid.hashCode()).isEqualTo(PeerId.parse(SPEC_SHA256_BASE58).hashCode());
  }

  @Test
  void anEd25519PeerIdRoundTripsThroughItsCidAndYieldsItsKey() {
    PeerId id = PeerId.parse(SPEC_ED25519);
    assertThat(id.toCid()).startsWith("bafzaa");
    assertThat(PeerId.parse(id.toCid())).isEqualTo(id);
    assertThat(PeerId.fromPublicKey(id.extractPublicKey().orElseThrow())).isEqualTo(id);
    assertThat(id.toString()).isEqualTo(SPEC_ED25519);
  }

  @Test
  void parsesABase58btcMultibaseCid() {
    PeerId id = PeerId.parse(SPEC_ED25519);
    String z = "z" + Base58.encode(Golden.hex("0172" + Golden.hex(id.toBytes())));
    assertThat(PeerId.parse(z)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Qm",
        "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5", // one character short
        "QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5NN", // one character long
        "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5S0", // '0' is not base58
        "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", // codec dag-pb, not 0x72
        "BAFZBEIE5745RPV2M6TJYUUGYWY4D5EWRQGQQHFNF445HE3OMZPJBX5XQXE", // upper-case base32
        "bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqx", // truncated CID
        "mAXIAJAgBEiAe0ej64sShRLi+j9S0e/PTs0uHHDys9gEPDkLUdPzifg", // base64 multibase
        "f01720024", // base16 multibase
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
      })
  void rejectsTextThatIsNotAPeerIdWithAPeerIdException(String text) {
    assertThatThrownBy(() -> PeerId.parse(text)).isInstanceOf(PeerIdException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "00", // no length
        "0000", // empty identity digest
        "1220", // sha2-256 without digest
        "1210000102030405060708090a0b0c0d0e0f", // sha2-256 of 16 bytes
        "13200000000000000000000000000000000000000000000000000000000000000000", // sha2-512 code
        "002b"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "000000", // identity of 43 bytes
        "0004deadbeef", // identity digest that is not a PublicKey
        "00240801122000", // length says 36, holds 5
      })
  void rejectsBytesThatAreNotAPeerIdMultihash(String hex) {
    assertThatThrownBy(() -> PeerId.fromBytes(Golden.hex(hex))).isInstanceOf(PeerIdException.class);
  }

  @Test
  void equalityIsByBytes() {
    PeerId a = Ed25519KeyPair.generate().peerId();
    assertThat(PeerId.fromBytes(a.toBytes())).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(Ed25519KeyPair.generate().peerId()).isNotEqualTo(a);
  }
}
