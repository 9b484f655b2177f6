package dev.payrelay.wallet.watch;

/**
 * The chain changed while one tick was reading it (a block vanished, or the logs name a block hash
 * other than the header's). Nothing of the tick is kept; the next tick reads the chain again.
 */
class ChainMovedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ChainMovedException(String message) {
    super(message);
  }
}
