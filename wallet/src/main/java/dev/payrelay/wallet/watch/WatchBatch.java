package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.ChainId;
import java.util.List;
import java.util.Objects;

/**
 * What one step of the watcher produced: the observations of a block range (or of a reorg, or of a
 * block becoming final), and the cursor to resume from once they are applied. See {@link
 * WatchSink#accept} for why both are persisted together.
 */
public record WatchBatch(ChainId chain, List<PaymentObservation> observations, WatchCursor cursor) {

  public WatchBatch {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(cursor, "cursor");
    observations = List.copyOf(observations);
  }

  public Checkpoint checkpoint() {
    return cursor.checkpoint();
  }
}
