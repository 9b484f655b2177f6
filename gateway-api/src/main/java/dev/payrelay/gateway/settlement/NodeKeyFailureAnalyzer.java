package dev.payrelay.gateway.settlement;

import dev.payrelay.settlement.identity.NodeKeyFileException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** One sentence for a start that fails on the node's key file (unsafe mode, malformed, a link). */
public class NodeKeyFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NodeKeyFileException) {
        return new FailureAnalysis(
            t.getMessage(),
            "The key is the node's identity on the settlement network: fix the file as the"
                + " message says, or move it away to start with a new identity.",
            t);
      }
    }
    return null;
  }
}
