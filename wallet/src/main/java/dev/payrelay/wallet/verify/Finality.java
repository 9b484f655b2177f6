package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.payment.Transfer;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;

/** How deep a matched transfer is, and whether that is enough. A pure function. */
final class Finality {

  private Finality() {}

  /**
   * @param canonical the chain's block at the transfer's height now, if it has one
   * @param latest the head's number
   * @param finalizedTag the {@code finalized} block's number, if the chain has the tag
   * @param required the confirmations policy
   */
  static Verification classify(
      Transfer transfer,
      Optional<EthBlock.Block> canonical,
      long latest,
      Optional<Long> finalizedTag,
      long required) {
    String canonicalHash = canonical.map(EthBlock.Block::getHash).orElse(null);
    if (canonicalHash == null || !canonicalHash.equalsIgnoreCase(transfer.blockHash())) {
      return new Verification.Rejected(
          RejectionReason.NOT_CANONICAL,
          "block "
              + transfer.blockNumber()
              + " of the receipt was "
              + transfer.blockHash()
              + (canonicalHash == null
                  ? "; the chain has no such block now"
                  : "; the canonical block there is now " + canonicalHash));
    }
    long confirmations = Math.max(0, latest - transfer.blockNumber() + 1);
    boolean finalized = finalizedTag.map(f -> f >= transfer.blockNumber()).orElse(false);
    if (finalized || confirmations >= required) {
      return new Verification.Verified(transfer, confirmations, finalized);
    }
    return new Verification.Pending(transfer, confirmations, required);
  }
}
