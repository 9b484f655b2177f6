package dev.payrelay.wallet.hd;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Sign;

/** The two "invalid child" cases of CKDpub, which no real key reaches (probability < 2^-127). */
class Secp256k1Test {

  private static final ECPoint G = Sign.CURVE_PARAMS.getG();

  @Test
  void aTweakOfAtLeastTheGroupOrderMakesTheIndexUnusable() {
    assertThat(Secp256k1.addTweak(G, bytes32(Secp256k1.N))).isEmpty();
    assertThat(Secp256k1.addTweak(G, bytes32(Secp256k1.N.add(BigInteger.ONE)))).isEmpty();
  }

  @Test
  void aChildAtThePointAtInfinityMakesTheIndexUnusable() {
    // (n - 1)·G + G = n·G = infinity
    assertThat(Secp256k1.addTweak(G, bytes32(Secp256k1.N.subtract(BigInteger.ONE)))).isEmpty();
  }

  @Test
  void anOrdinaryTweakAddsPoints() {
    assertThat(Secp256k1.addTweak(G, bytes32(BigInteger.ONE))).contains(G.twice().normalize());
  }

  private static byte[] bytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, 32 - len, len);
    return out;
  }
}
