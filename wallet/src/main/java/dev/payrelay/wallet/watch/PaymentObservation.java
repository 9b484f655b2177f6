package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.payment.Transfer;

/**
 * What the watcher tells invoicing about one transfer matched to one invoice. For a given transfer
 * {@link Transfer#key() key} the observations come in this order, each at most once per block the
 * transfer is mined in: {@link Seen}, then {@link Confirmed}, then {@link Finalized}; a {@link
 * Removed} may come at any point before {@link Finalized} (a reorg), after which the same key may
 * be {@link Seen} again in another block. A finalized transfer is no longer followed.
 *
 * <p>The confirmations of a seen transfer at any later time are {@code checkpoint.number -
 * transfer.blockNumber + 1}, from the checkpoint of the latest {@link WatchBatch}: the watcher does
 * not repeat an observation per block to count them.
 */
public sealed interface PaymentObservation {

  Transfer transfer();

  /** The opaque key of the invoice, as given in its {@code Expectation}. */
  String invoiceKey();

  /**
   * Found in a block of the canonical chain, with {@code confirmations} (1 = in the head block).
   */
  record Seen(Transfer transfer, String invoiceKey, long confirmations)
      implements PaymentObservation {}

  /**
   * Reached the chain's confirmations policy, or was finalized before reaching it (a finalized
   * block cannot be reverted, so it counts whatever the policy).
   */
  record Confirmed(Transfer transfer, String invoiceKey, long confirmations)
      implements PaymentObservation {}

  /**
   * The chain's {@code finalized} block has passed the transfer's block. On a chain without that
   * tag: the transfer is deeper than the watcher's reorg horizon ({@code 128} blocks).
   */
  record Finalized(Transfer transfer, String invoiceKey) implements PaymentObservation {}

  /** A reorg dropped the block that held the transfer; it may be {@link Seen} again elsewhere. */
  record Removed(Transfer transfer, String invoiceKey) implements PaymentObservation {}
}
