package dev.payrelay.wallet.hd;

/**
 * BIP-32's "invalid child" case: for this index, {@code IL ≥ n} or the child key is the point at
 * infinity. The input is fine (this is not an {@code InvalidValueException}); the specification
 * says to proceed with the next index. It happens with probability below 2^-127 per index, so it is
 * never expected in practice, but allocators must handle it: {@link
 * DepositAddresses#firstUsableFrom(int)} skips such an index.
 *
 * @see <a
 *     href="https://github.com/bitcoin/bips/blob/master/bip-0032.mediawiki#public-parent-key--public-child-key">BIP-32
 *     CKDpub</a>
 */
public final class UnusableChildIndexException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int index;

  public UnusableChildIndexException(int index) {
    super("BIP-32 child index " + index + " is unusable for this key; skip to the next index");
    this.index = index;
  }

  /** The index that has no child key. */
  public int index() {
    return index;
  }
}
