package dev.payrelay.wallet.watch;

import java.util.List;

/**
 * The data of blocks {@code from..tip.number}, fetched and checked by the shell: the parent of
 * block {@code from} is the previous checkpoint, and every block hash below is consistent with the
 * logs.
 *
 * @param headers blocks of the range whose hash was fetched (the tip included)
 * @param candidates every payment-like movement in the range, in chain order
 */
record ScannedRange(
    long from, Checkpoint tip, List<Checkpoint> headers, List<Candidate> candidates) {

  ScannedRange {
    if (tip.number() < from) {
      throw new IllegalArgumentException("an empty range " + from + ".." + tip.number());
    }
    headers = List.copyOf(headers);
    candidates = List.copyOf(candidates);
  }
}
