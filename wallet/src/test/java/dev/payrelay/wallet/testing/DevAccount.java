package dev.payrelay.wallet.testing;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/**
 * A funded account of the dev chain: anvil derives ten accounts with 10,000 ETH each from {@link
 * #MNEMONIC} at {@code m/44'/60'/0'/0/i}. These keys are public knowledge; never use them on a real
 * chain.
 *
 * @param index the {@code i} of the derivation path
 * @param address the EIP-55 checksummed address
 * @param privateKey the private key, {@code 0x} and 64 hex digits
 */
public record DevAccount(int index, String address, String privateKey) {

  /** Anvil's (and Hardhat's) default test mnemonic. */
  public static final String MNEMONIC =
      "test test test test test test test test test test test junk";

  /** Account #0, {@code 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266}. */
  public static final DevAccount ACCOUNT_0 = derive(0);

  /** Account #1, {@code 0x70997970C51812dc3A010C7d01b50e0d17dc79C8}. */
  public static final DevAccount ACCOUNT_1 = derive(1);

  private static final int H = Bip32ECKeyPair.HARDENED_BIT;

  /** Derives account {@code index} from {@link #MNEMONIC} (BIP39 seed, BIP44 path). */
  public static DevAccount derive(int index) {
    Bip32ECKeyPair master =
        Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
    Bip32ECKeyPair key =
        Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | H, 60 | H, 0 | H, 0, index});
    Credentials credentials = Credentials.create(key);
    return new DevAccount(
        index,
        Keys.toChecksumAddress(credentials.getAddress()),
        Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64));
  }

  /** The web3j signing credentials of this account. */
  public Credentials credentials() {
    return Credentials.create(privateKey);
  }
}
