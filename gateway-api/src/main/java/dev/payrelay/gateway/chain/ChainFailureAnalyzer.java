package dev.payrelay.gateway.chain;

import dev.payrelay.wallet.rpc.ChainIdMismatchException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** One sentence for a chain that is configured wrongly or whose endpoint serves another chain. */
public class ChainFailureAnalyzer implements FailureAnalyzer {

  private static final String ACTION =
      "Check payrelay.chains[*] (chain-id, rpc-url, tokens, payment-proxies); see README,"
          + " Configuration.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidChainConfigurationException
          || t instanceof ChainIdMismatchException) {
        return new FailureAnalysis(t.getMessage(), ACTION, t);
      }
    }
    return null;
  }
}
