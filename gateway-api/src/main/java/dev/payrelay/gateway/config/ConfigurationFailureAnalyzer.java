package dev.payrelay.gateway.config;

import dev.payrelay.wallet.rpc.ChainIdMismatchException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * One sentence for a start that fails on configuration: a {@link ConfigurationProblem} (a chain, a
 * token, the default store…) or an RPC endpoint that serves another chain.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer {

  private static final String ACTION =
      "Fix the property named above; README.md, section Configuration, lists every property.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConfigurationProblem || t instanceof ChainIdMismatchException) {
        return new FailureAnalysis(t.getMessage(), ACTION, t);
      }
    }
    return null;
  }
}
