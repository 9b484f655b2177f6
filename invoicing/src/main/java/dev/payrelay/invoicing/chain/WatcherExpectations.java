package dev.payrelay.invoicing.chain;

import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.watch.ExpectationIndex;
import java.util.Map;

/** The {@link ExpectationRegistry} of the node: each chain watcher's {@link ExpectationIndex}. */
public final class WatcherExpectations implements ExpectationRegistry {

  private final Map<ChainId, ExpectationIndex> indexes;

  /**
   * @param indexes the index of each watched chain
   */
  public WatcherExpectations(Map<ChainId, ExpectationIndex> indexes) {
    this.indexes = Map.copyOf(indexes);
  }

  /**
   * @throws IllegalArgumentException if no watcher follows the expectation's chain, or another
   *     invoice already expects the same payment
   */
  @Override
  public void open(Expectation expectation) {
    ExpectationIndex index = indexes.get(expectation.asset().chain());
    if (index == null) {
      throw new IllegalArgumentException(
          "no chain watcher for chain " + expectation.asset().chain());
    }
    index.add(expectation);
  }

  @Override
  public void close(String invoiceKey) {
    indexes.values().forEach(index -> index.removeInvoice(invoiceKey));
  }
}
