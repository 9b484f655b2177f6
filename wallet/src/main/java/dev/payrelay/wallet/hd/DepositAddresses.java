package dev.payrelay.wallet.hd;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.InvalidValueException;
import java.util.function.IntFunction;

/**
 * The "deposit address" payment method: one fresh address per invoice, derived from the store's
 * account-level extended public key ({@code m/44'/60'/account'}, <a
 * href="https://github.com/bitcoin/bips/blob/master/bip-0044.mediawiki">BIP-44</a>). Invoice index
 * {@code i} gets child {@code 0/i} (the external chain): its uncompressed public key {@code X || Y}
 * is hashed with keccak-256 and the last 20 bytes are the address. Anvil, Hardhat and MetaMask
 * derive their accounts along the same path, so a wallet holding the seed finds deposit address
 * {@code i} as its account with index {@code i} (counting from 0).
 *
 * <p><b>The node derives addresses; it cannot spend.</b> It holds only the extended public key
 * (BIP-32 public derivation, {@link ExtendedPublicKey#child}). Only the merchant's wallet, which
 * holds the account private key, can move funds out of a deposit address.
 *
 * <p><b>Sweeping costs gas, per address.</b> A payment to a deposit address stays there until the
 * merchant's wallet moves it, and every deposit address pays its own way out. Moving ETH out is one
 * plain transfer, 21,000 gas. Moving an ERC-20 out is one {@code transfer} call, about 45,000 to
 * 65,000 gas depending on the token, and that gas is paid in ETH by the deposit address itself: an
 * address that received only tokens must first be funded with ETH for gas (another 21,000-gas
 * transfer), and what is left of that ETH stays behind as dust. So sweeping N token payments costs
 * about N × (21,000 + 45,000 to 65,000) gas, e.g. 6.6 to 8.6 million gas for 100 payments (0.066 to
 * 0.086 ETH at 10 gwei). The "reference" payment method (one receiving address per store, nothing
 * to sweep) avoids this cost; deposit addresses are for payers that can only make plain transfers,
 * such as exchange withdrawals.
 */
public final class DepositAddresses {

  /** BIP-44's depth of {@code m/purpose'/coin_type'/account'}. */
  static final int ACCOUNT_DEPTH = 3;

  /** BIP-44's external (receiving) chain, the {@code 0} in {@code 0/i}. */
  static final int EXTERNAL_CHAIN = 0;

  private final IntFunction<Address> addressAt;

  DepositAddresses(IntFunction<Address> addressAt) {
    this.addressAt = addressAt;
  }

  /**
   * Deposit addresses of a store.
   *
   * @param account the extended public key of {@code m/44'/60'/account'}
   * @throws InvalidValueException if {@code account} is not at the account level
   */
  public static DepositAddresses forAccount(ExtendedPublicKey account) {
    if (account.depth() != ACCOUNT_DEPTH
        || account.childNumber() < ExtendedPublicKey.HARDENED_OFFSET) {
      throw new InvalidValueException(
          "deposit addresses derive from the account-level extended public key,"
              + " m/44'/60'/account' (depth 3, hardened); this key has depth "
              + account.depth()
              + " and child number "
              + account.childNumber()
              + ". Export the xpub of the account (e.g. m/44'/60'/0'), not of the master key"
              + " or of a single address");
    }
    ExtendedPublicKey external = account.child(EXTERNAL_CHAIN);
    return new DepositAddresses(index -> external.child(index).address());
  }

  /**
   * The address of {@code 0/index}.
   *
   * @throws InvalidValueException for a negative index (hardened, ≥ 2^31 unsigned)
   * @throws UnusableChildIndexException if BIP-32 says to skip this index
   */
  public Address addressAt(int index) {
    if (index < 0) {
      throw new InvalidValueException(
          "a deposit address index is 0 to 2147483647 (non-hardened), got "
              + Integer.toUnsignedString(index));
    }
    return addressAt.apply(index);
  }

  /**
   * The first usable index at or after {@code index}, with its address: what an allocator hands to
   * a new invoice. Skips the (astronomically rare) indexes BIP-32 calls invalid.
   */
  public DepositAddress firstUsableFrom(int index) {
    for (int i = index; ; i++) {
      try {
        return new DepositAddress(i, addressAt(i));
      } catch (UnusableChildIndexException e) {
        if (i == Integer.MAX_VALUE) {
          throw new InvalidValueException("no usable deposit address index left below 2^31");
        }
      }
    }
  }
}
