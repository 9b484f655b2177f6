package dev.payrelay.wallet.hd;

import java.nio.ByteBuffer;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

/**
 * TEST CODE ONLY: private BIP-32 derivation with web3j, then "neutering" (BIP-32's term) to the
 * extended public key a merchant's wallet would export. Production code never sees a private key.
 */
final class NeuteredKeys {

  static final int H = Bip32ECKeyPair.HARDENED_BIT;

  private NeuteredKeys() {}

  /** The xpub of {@code m/44'/60'/account'} for a BIP-39 mnemonic with an empty passphrase. */
  static ExtendedPublicKey accountXpub(String mnemonic, int account) {
    return neuter(derive(MnemonicUtils.generateSeed(mnemonic, ""), 44 | H, 60 | H, account | H));
  }

  static Bip32ECKeyPair derive(byte[] seed, int... path) {
    return Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed), path);
  }

  static ExtendedPublicKey neuter(Bip32ECKeyPair key) {
    ByteBuffer payload =
        ByteBuffer.allocate(ExtendedKeyCodec.PAYLOAD_BYTES)
            .putInt(ExtendedKeyCodec.XPUB)
            .put((byte) key.getDepth())
            .putInt(key.getParentFingerprint())
            .putInt(key.getChildNumber())
            .put(key.getChainCode())
            .put(key.getPublicKeyPoint().getEncoded(true));
    return ExtendedKeyCodec.decode(payload.array());
  }
}
