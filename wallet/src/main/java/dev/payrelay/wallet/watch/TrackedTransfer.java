package dev.payrelay.wallet.watch;

import dev.payrelay.wallet.payment.Transfer;
import java.util.Objects;

/**
 * A transfer the watcher has reported as seen and follows until it is finalized or removed.
 *
 * @param confirmed whether {@link PaymentObservation.Confirmed} was already emitted for it
 */
public record TrackedTransfer(Transfer transfer, String invoiceKey, boolean confirmed) {

  public TrackedTransfer {
    Objects.requireNonNull(transfer, "transfer");
    Objects.requireNonNull(invoiceKey, "invoiceKey");
  }

  TrackedTransfer markConfirmed() {
    return new TrackedTransfer(transfer, invoiceKey, true);
  }
}
