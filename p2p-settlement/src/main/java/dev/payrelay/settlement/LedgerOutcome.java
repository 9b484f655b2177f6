package dev.payrelay.settlement;

import dev.payrelay.settlement.message.InvoiceSummary;
import java.util.Objects;

/** What {@link InvoiceLedger#apply} did. */
public sealed interface LedgerOutcome {

  /** Applied now, for the first time; {@code after} includes it. */
  record Applied(InvoiceSummary after) implements LedgerOutcome {
    public Applied {
      Objects.requireNonNull(after, "after");
    }
  }

  /** Already applied to this invoice before; nothing changed. */
  record Duplicate(InvoiceSummary current) implements LedgerOutcome {
    public Duplicate {
      Objects.requireNonNull(current, "current");
    }
  }

  /** Cannot apply to this invoice; {@code reason} says why. Nothing changed. */
  record NotMatching(String reason) implements LedgerOutcome {
    public NotMatching {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
