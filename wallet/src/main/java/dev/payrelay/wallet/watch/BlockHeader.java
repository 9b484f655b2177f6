package dev.payrelay.wallet.watch;

/** A fetched block's identity and its link to its parent. */
record BlockHeader(Checkpoint block, String parentHash) {

  long number() {
    return block.number();
  }
}
