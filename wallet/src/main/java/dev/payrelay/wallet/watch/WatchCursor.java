package dev.payrelay.wallet.watch;

import java.util.List;
import java.util.Objects;

/**
 * Everything the watcher needs to resume exactly where it stopped, persisted with each batch.
 *
 * <p>Why the followed transfers are stored rather than re-derived by re-scanning the last blocks
 * after a restart: a re-scan sees only the chain as it is now, so it cannot emit {@link
 * PaymentObservation.Removed} for a transfer whose block was reorged away while the node was down,
 * and it cannot tell whether {@link PaymentObservation.Confirmed} was already emitted. The set is
 * small: only transfers seen but not yet finalized, plus at most {@code 128} recent blocks.
 *
 * @param checkpoint the last block processed; the next range starts after it
 * @param recentBlocks blocks processed within the reorg horizon, the checkpoint included, to find
 *     the fork point of a reorg (dense near the chain head, sparser in a long catch-up)
 * @param tracked transfers seen and not yet finalized nor removed
 */
public record WatchCursor(
    Checkpoint checkpoint, List<Checkpoint> recentBlocks, List<TrackedTransfer> tracked) {

  public WatchCursor {
    Objects.requireNonNull(checkpoint, "checkpoint");
    recentBlocks = List.copyOf(recentBlocks);
    tracked = List.copyOf(tracked);
  }

  /** A cursor at {@code checkpoint} that follows nothing yet. */
  public static WatchCursor at(Checkpoint checkpoint) {
    return new WatchCursor(checkpoint, List.of(checkpoint), List.of());
  }
}
