package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Hex;

/**
 * A block the watcher has processed: its number and hash. The hash is what makes it a checkpoint
 * rather than a number: a block at the same height with another hash means a reorg.
 *
 * @param number the block number; {@code -1} (with a zero hash) before the genesis block
 * @param hash lower-case {@code 0x} and 64 hex digits
 */
public record Checkpoint(long number, String hash) {

  /** "Nothing processed yet": the genesis block's parent hash is 32 zero bytes. */
  public static final Checkpoint BEFORE_GENESIS = new Checkpoint(-1, Hex.encode(new byte[32]));

  public Checkpoint {
    if (number < -1) {
      throw new IllegalArgumentException("a block number cannot be " + number);
    }
    hash = Hex.encode(Hex.decode(hash, 32, "a block hash"));
  }

  @Override
  public String toString() {
    return "#" + number + " " + hash;
  }
}
