package dev.payrelay.p2p.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Ed25519} runs on BouncyCastle for speed; the JDK's {@code Signature("Ed25519")} is the
 * reference it must agree with, byte for byte (Ed25519 signatures are deterministic), on RFC 8032's
 * vectors and on messages of our own.
 */
class Ed25519AgreementTest {

  // RFC 8032 section 7.1, TEST 1: empty message.
  private static final String SEED =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
          + "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410, section 4). */
  private static final String X509_PREFIX = "302a300506032b6570032100";

  @Test
  void bouncyCastleAndTheJdkBothGiveRfc8032TestVector1() throws Exception {
    byte[] seed = Golden.hex(SEED);
    byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
    assertThat(Golden.hex(publicKey)).isEqualTo(PUBLIC);
    assertThat(Golden.hex(Ed25519.sign(seed, publicKey, new byte[0]))).isEqualTo(SIGNATURE);
    assertThat(Golden.hex(jdkSign(seed, new byte[0]))).isEqualTo(SIGNATURE);
    assertThat(Ed25519.verify(publicKey, new byte[0], Golden.hex(SIGNATURE))).isTrue();
    assertThat(jdkVerify(publicKey, new byte[0], Golden.hex(SIGNATURE))).isTrue();
  }

  @Test
  void eachVerifiesTheOthersSignaturesAndBothRejectTheSameForgeries() throws Exception {
    for (int i = 0; i < 20; i++) {
      byte[] seed = Ed25519.generateSeed();
      byte[] publicKey = Ed25519.publicKeyFromSeed(seed);
      byte[] message = ("libp2p-pubsub:" + "x".repeat(i * 37)).getBytes(StandardCharsets.UTF_8);
      byte[] ours = Ed25519.sign(seed, publicKey, message);
      byte[] jdks = jdkSign(seed, message);
      assertThat(ours).isEqualTo(jdks);
      assertThat(jdkVerify(publicKey, message, ours)).isTrue();

      byte[] forged = ours.clone();
      forged[i % forged.length] ^= 0x10;
      assertThat(Ed25519.verify(publicKey, message, forged)).isFalse();
      assertThat(jdkVerify(publicKey, message, forged)).isFalse();
    }
  }

  private static byte[] jdkSign(byte[] seed, byte[] message) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
    signer.update(message);
    return signer.sign();
  }

  private static boolean jdkVerify(byte[] publicKey, byte[] message, byte[] signature)
      throws Exception {
    byte[] prefix = Golden.hex(X509_PREFIX);
    byte[] encoded = Arrays.copyOf(prefix, prefix.length + publicKey.length);
    System.arraycopy(publicKey, 0, encoded, prefix.length, publicKey.length);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
    verifier.update(message);
    try {
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }
}
