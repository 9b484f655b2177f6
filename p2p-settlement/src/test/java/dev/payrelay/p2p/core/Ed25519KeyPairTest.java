package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ed25519KeyPairTest {
  // peer-ids spec, "Test vectors", Ed25519: the PrivateKey protobuf (data = seed ‖ public key) and
  // the PublicKey protobuf it must give.
  private static final String SPEC_PRIVATE = Golden.lines("ed25519-private-key.hex").get(0);
  private static final String SPEC_PUBLIC =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String SPEC_PEER_ID = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";

  @Test
  void loadsTheSpecPrivateKeyAndDerivesItsPublicKeyAndPeerId() {
    Ed25519KeyPair pair = Ed25519KeyPair.unmarshalPrivateKey(Golden.hex(SPEC_PRIVATE));
    assertThat(Golden.hex(pair.publicKey().marshal())).isEqualTo(SPEC_PUBLIC);
    assertThat(pair.peerId().toBase58()).isEqualTo(SPEC_PEER_ID);
    assertThat(Golden.hex(pair.marshalPrivateKey())).isEqualTo(SPEC_PRIVATE);
  }

  // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
  @Test
  void matchesRfc8032TestVectors() {
    Ed25519KeyPair one =
        Ed25519KeyPair.fromSeed(
            Golden.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(Golden.hex(one.rawPublicKey()))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(Golden.hex(one.sign(new byte[0])))
        .isEqualTo(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
                + "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    Ed25519KeyPair two =
        Ed25519KeyPair.fromSeed(
            Golden.hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
    assertThat(Golden.hex(two.rawPublicKey()))
        .isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    assertThat(Golden.hex(two.sign(new byte[] {0x72})))
        .isEqualTo(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  }

  @Test
  void signsAndVerifiesAndRejectsTamperedMessagesAndSignatures() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    byte[] message = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = pair.sign(message);
    assertThat(signature).hasSize(64);
    assertThat(pair.verify(message, signature)).isTrue();
    assertThat(pair.publicKey().verify(message, signature)).isTrue();

    byte[] otherMessage = message.clone();
    otherMessage[0] ^= 1;
    assertThat(pair.verify(otherMessage, signature)).isFalse();
    byte[] otherSignature = signature.clone();
    otherSignature[10] ^= 1;
    assertThat(pair.verify(message, otherSignature)).isFalse();
    assertThat(pair.verify(message, Arrays.copyOf(signature, 63))).isFalse();
    assertThat(Ed25519KeyPair.generate().verify(message, signature)).isFalse();
  }

  @Test
  void aGeneratedKeyRoundTripsThroughItsPrivateKeyFile() {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    Ed25519KeyPair loaded = Ed25519KeyPair.unmarshalPrivateKey(pair.marshalPrivateKey());
    assertThat(loaded.publicKey()).isEqualTo(pair.publicKey());
    assertThat(loaded.peerId()).isEqualTo(pair.peerId());
    assertThat(pair.peerId().toBase58()).startsWith("12D3KooW");
    assertThat(pair.privateKey().data()).hasSize(64);
  }

  @Test
  void readsTheLegacy96ByteFormWhenBothPublicCopiesAgree() {
    byte[] data = PrivateKey.unmarshal(Golden.hex(SPEC_PRIVATE)).data();
    byte[] legacy = Arrays.copyOf(data, 96);
    System.arraycopy(data, 32, legacy, 64, 32);
    Ed25519KeyPair pair = Ed25519KeyPair.fromPrivateKey(new PrivateKey(KeyType.ED25519, legacy));
    assertThat(pair.peerId().toBase58()).isEqualTo(SPEC_PEER_ID);

    legacy[95] ^= 1;
    assertThatThrownBy(() -> Ed25519KeyPair.fromPrivateKey(new PrivateKey(KeyType.ED25519, legacy)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("two different public keys");
  }

  @Test
  void rejectsAPrivateKeyWhosePublicHalfDoesNotMatchItsSeed() {
    byte[] data = PrivateKey.unmarshal(Golden.hex(SPEC_PRIVATE)).data();
    data[40] ^= 1;
    assertThatThrownBy(() -> Ed25519KeyPair.fromPrivateKey(new PrivateKey(KeyType.ED25519, data)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void rejectsOtherKeyTypesAndSizes() {
    assertThatThrownBy(
            () -> Ed25519KeyPair.fromPrivateKey(new PrivateKey(KeyType.SECP256K1, new byte[32])))
        .isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(
            () -> Ed25519KeyPair.fromPrivateKey(new PrivateKey(KeyType.ED25519, new byte[32])))
        .isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> Ed25519KeyPair.fromSeed(new byte[31]))
        .isInstanceOf(KeyFormatException.class);
  }

  @Test
  void neverPrintsPrivateKeyMaterial() {
    Ed25519KeyPair pair = Ed25519KeyPair.unmarshalPrivateKey(Golden.hex(SPEC_PRIVATE));
    assertThat(pair.toString()).isEqualTo("Ed25519KeyPair[" + SPEC_PEER_ID + "]");
    assertThat(pair.privateKey().toString()).doesNotContain("7e08").contains("redacted");
  }
}
