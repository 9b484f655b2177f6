package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.Transfer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The watcher's pure core: an immutable state (checkpoint, recent blocks, followed transfers) and
 * the transitions that turn fetched chain data into observations. No I/O; the shell guarantees the
 * preconditions stated on each method (the chain data is consistent and linked to the checkpoint).
 */
final class WatchState {

  /** How far back a reorg can be followed, in blocks below the checkpoint. */
  static final int MAX_REORG_DEPTH = 128;

  private final ChainId chain;
  private final int confirmationsPolicy;
  private final Checkpoint checkpoint;
  private final NavigableMap<Long, Checkpoint> recent;
  private final Map<Transfer.Key, TrackedTransfer> tracked;

  /** A new state and what the transition observed, in order. */
  record Step(WatchState state, List<PaymentObservation> observations) {}

  private WatchState(
      ChainId chain,
      int confirmationsPolicy,
      Checkpoint checkpoint,
      NavigableMap<Long, Checkpoint> recent,
      Map<Transfer.Key, TrackedTransfer> tracked) {
    this.chain = chain;
    this.confirmationsPolicy = confirmationsPolicy;
    this.checkpoint = checkpoint;
    this.recent = Collections.unmodifiableNavigableMap(recent);
    this.tracked = Collections.unmodifiableMap(tracked);
  }

  static WatchState resume(ChainId chain, int confirmationsPolicy, WatchCursor cursor) {
    NavigableMap<Long, Checkpoint> recent = new TreeMap<>();
    cursor.recentBlocks().forEach(b -> recent.put(b.number(), b));
    recent.put(cursor.checkpoint().number(), cursor.checkpoint());
    recent.tailMap(cursor.checkpoint().number(), false).clear();
    Map<Transfer.Key, TrackedTransfer> tracked = new LinkedHashMap<>();
    cursor.tracked().forEach(t -> tracked.put(t.transfer().key(), t));
    return new WatchState(chain, confirmationsPolicy, cursor.checkpoint(), recent, tracked);
  }

  Checkpoint checkpoint() {
    return checkpoint;
  }

  WatchCursor cursor() {
    return new WatchCursor(checkpoint, List.copyOf(recent.values()), List.copyOf(tracked.values()));
  }

  /** The remembered blocks, newest first: where a reorg's fork point is looked for. */
  List<Checkpoint> forkCandidates() {
    return List.copyOf(recent.descendingMap().values());
  }

  /**
   * Applies the blocks after the checkpoint: matches every candidate, reports new transfers as
   * seen, moves the checkpoint to the range's tip, then re-evaluates what is followed.
   *
   * @param head the chain head the confirmations are counted from
   * @param finalized the chain's finalized block, if it has the tag
   */
  Step scan(ScannedRange range, long head, OptionalLong finalized, ExpectationIndex index) {
    if (range.from() != checkpoint.number() + 1) {
      throw new IllegalArgumentException(
          "range starts at " + range.from() + ", checkpoint is " + checkpoint);
    }
    NavigableMap<Long, Checkpoint> nextRecent = new TreeMap<>(recent);
    range.headers().forEach(h -> nextRecent.put(h.number(), h));
    nextRecent.put(range.tip().number(), range.tip());
    nextRecent.headMap(range.tip().number() - MAX_REORG_DEPTH, false).clear();
    Map<Transfer.Key, TrackedTransfer> nextTracked = new LinkedHashMap<>(tracked);
    List<PaymentObservation> observations = new ArrayList<>();
    for (Candidate candidate : range.candidates()) {
      Optional<Expectation> expectation = index.match(candidate);
      if (expectation.isEmpty()) {
        continue;
      }
      Transfer transfer = transfer(candidate, expectation.get());
      TrackedTransfer previous = nextTracked.get(transfer.key());
      if (previous != null) {
        if (previous.transfer().blockHash().equals(transfer.blockHash())) {
          continue;
        }
        observations.add(
            new PaymentObservation.Removed(previous.transfer(), previous.invoiceKey()));
      }
      String invoiceKey = expectation.get().invoiceKey();
      nextTracked.put(transfer.key(), new TrackedTransfer(transfer, invoiceKey, false));
      observations.add(
          new PaymentObservation.Seen(transfer, invoiceKey, head - transfer.blockNumber() + 1));
    }
    WatchState scanned =
        new WatchState(chain, confirmationsPolicy, range.tip(), nextRecent, nextTracked);
    Step evaluated = scanned.reevaluate(head, finalized);
    observations.addAll(evaluated.observations());
    return new Step(evaluated.state(), observations);
  }

  /**
   * Confirms and finalizes followed transfers as the head and the finalized block move. Requires
   * the checkpoint to have been checked against the chain after {@code finalized} was read.
   */
  Step reevaluate(long head, OptionalLong finalized) {
    Map<Transfer.Key, TrackedTransfer> next = new LinkedHashMap<>(tracked);
    List<PaymentObservation> observations = new ArrayList<>();
    for (TrackedTransfer t : tracked.values()) {
      long block = t.transfer().blockNumber();
      long confirmations = head - block + 1;
      boolean isFinal =
          finalized.isPresent() ? finalized.getAsLong() >= block : confirmations > MAX_REORG_DEPTH;
      if (!t.confirmed() && (confirmations >= confirmationsPolicy || isFinal)) {
        observations.add(
            new PaymentObservation.Confirmed(t.transfer(), t.invoiceKey(), confirmations));
        next.put(t.transfer().key(), t.markConfirmed());
      }
      if (isFinal) {
        observations.add(new PaymentObservation.Finalized(t.transfer(), t.invoiceKey()));
        next.remove(t.transfer().key());
      }
    }
    return new Step(
        observations.isEmpty()
            ? this
            : new WatchState(chain, confirmationsPolicy, checkpoint, recent, next),
        observations);
  }

  /**
   * Goes back to {@code fork}, the newest remembered block still on the chain: every followed
   * transfer in a later block is removed, and the blocks after the fork will be scanned again.
   */
  Step rewindTo(Checkpoint fork) {
    if (!fork.equals(recent.get(fork.number())) || fork.number() >= checkpoint.number()) {
      throw new IllegalArgumentException(fork + " is not a remembered block below " + checkpoint);
    }
    NavigableMap<Long, Checkpoint> nextRecent = new TreeMap<>(recent.headMap(fork.number(), true));
    Map<Transfer.Key, TrackedTransfer> nextTracked = new LinkedHashMap<>();
    List<PaymentObservation> observations = new ArrayList<>();
    for (TrackedTransfer t : tracked.values()) {
      if (t.transfer().blockNumber() > fork.number()) {
        observations.add(new PaymentObservation.Removed(t.transfer(), t.invoiceKey()));
      } else {
        nextTracked.put(t.transfer().key(), t);
      }
    }
    return new Step(
        new WatchState(chain, confirmationsPolicy, fork, nextRecent, nextTracked), observations);
  }

  private Transfer transfer(Candidate c, Expectation expectation) {
    Asset asset = expectation.asset();
    return new Transfer(
        chain,
        c.tx(),
        c.logIndex(),
        c.blockNumber(),
        c.blockHash(),
        asset,
        c.to(),
        TokenAmount.ofBaseUnits(asset, c.amount()),
        expectation.route());
  }
}
