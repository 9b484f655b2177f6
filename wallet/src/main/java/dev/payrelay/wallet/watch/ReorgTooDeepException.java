package dev.payrelay.wallet.watch;

/**
 * A reorg replaced blocks deeper than the watcher's horizon ({@code 128} blocks below its
 * checkpoint), or none of the blocks it remembers is on the node's chain any more. The watcher
 * cannot tell which of its reports are still true, so it stops; an operator must look (a node on
 * another network, or a corrupted one) and restart it from a checkpoint they trust.
 */
public class ReorgTooDeepException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ReorgTooDeepException(String message) {
    super(message);
  }
}
