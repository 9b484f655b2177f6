package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.ChainId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Where the watcher's findings go: the port invoicing implements over PostgreSQL.
 *
 * <p><b>Contract: one transaction per batch.</b> {@link #accept} must apply the effects of all the
 * batch's observations <em>and</em> store its {@link WatchBatch#cursor() cursor} atomically: both
 * or neither. That is how "nothing missed, nothing repeated" survives a crash. The watcher resumes
 * from the last stored cursor: if the process dies before the commit, the same range is scanned
 * again and yields the same observations, none of which was applied; if it dies after, the range is
 * not scanned again. The watcher advances only after {@code accept} completes; when {@code accept}
 * fails it forgets its in-memory state and reloads the cursor with {@link #loadCursor} before the
 * next attempt, so a commit whose acknowledgement was lost is not applied twice.
 *
 * <p>Batches of one chain are delivered one at a time, in chain order. A batch may carry no
 * observation (the checkpoint moved on); it must still be stored.
 */
public interface WatchSink {

  /** Applies {@code batch} and stores its cursor, in one transaction. */
  Mono<Void> accept(WatchBatch batch);

  /** The cursor of the last batch accepted for {@code chain}; empty before the first. */
  Mono<Optional<WatchCursor>> loadCursor(ChainId chain);
}
