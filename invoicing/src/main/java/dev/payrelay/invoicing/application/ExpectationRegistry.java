package dev.payrelay.invoicing.application;

import dev.payrelay.wallet.payment.Expectation;

/**
 * Where invoicing tells the chain watchers what to look for: an invoice's expectations open once it
 * is committed (before its payment instructions are shown) and close when nothing more can change
 * it on chain. The gateway wires it to each chain's {@code ExpectationIndex} (see {@code
 * dev.payrelay.invoicing.chain.WatcherExpectations}). Both methods are idempotent, fast and do not
 * block.
 */
public interface ExpectationRegistry {

  /** Watches nothing: for uses without chain watchers. */
  ExpectationRegistry NONE =
      new ExpectationRegistry() {
        @Override
        public void open(Expectation expectation) {}

        @Override
        public void close(String invoiceKey) {}
      };

  /** Starts watching for {@code expectation}; opening it again is a no-op. */
  void open(Expectation expectation);

  /** Stops watching for every expectation of the invoice {@code invoiceKey}. */
  void close(String invoiceKey);
}
