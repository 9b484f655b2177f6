package dev.payrelay.bench;

import dev.payrelay.settlement.InvoiceLedger;
import dev.payrelay.settlement.LedgerInvoice;
import dev.payrelay.settlement.LedgerOutcome;
import dev.payrelay.settlement.message.InvoiceSummary;
import dev.payrelay.settlement.message.ReceiptStatus;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.verify.Verification;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * One home node's invoices in memory for the settlement benchmark, standing in for the gateway's
 * database so that the benchmark measures the network and not PostgreSQL. The exactly-once rule is
 * kept as the database keeps it: the owner of a transfer key is claimed atomically ({@code
 * putIfAbsent} plays the unique constraint), so a transfer is applied at most once, to one invoice,
 * however many proofs of it arrive at once. Every application is reported to {@link SettleTimes}.
 */
final class SettleLedger implements InvoiceLedger {

  /** An open invoice: how it is to be paid, its total, and the transfers applied so far. */
  private record Open(Expectation expectation, BigInteger total, List<TransferClaim> paid) {}

  private final Map<UUID, Open> invoices = new ConcurrentHashMap<>();
  private final Map<Transfer.Key, UUID> owners = new ConcurrentHashMap<>();
  private final SettleTimes times;

  SettleLedger(SettleTimes times) {
    this.times = times;
  }

  /** Opens invoice {@code id} of {@code total} base units, payable as {@code expectation} says. */
  void open(UUID id, Expectation expectation, BigInteger total) {
    invoices.put(id, new Open(expectation, total, new ArrayList<>()));
  }

  @Override
  public Mono<Optional<LedgerInvoice>> find(UUID invoiceId) {
    return Mono.fromSupplier(
        () ->
            Optional.ofNullable(invoices.get(invoiceId))
                .map(
                    open ->
                        new LedgerInvoice(List.of(open.expectation()), summary(invoiceId, open))));
  }

  @Override
  public Mono<LedgerOutcome> apply(UUID invoiceId, Verification.Verified verified) {
    return Mono.fromSupplier(() -> applyNow(invoiceId, verified.transfer()));
  }

  private LedgerOutcome applyNow(UUID invoiceId, Transfer transfer) {
    Open open = invoices.get(invoiceId);
    if (open == null) {
      return new LedgerOutcome.NotMatching("no invoice " + invoiceId + " here");
    }
    if (!open.expectation().route().equals(transfer.route())
        || !open.expectation().asset().equals(transfer.asset())) {
      return new LedgerOutcome.NotMatching("the transfer does not pay this invoice's option");
    }
    UUID owner = owners.putIfAbsent(transfer.key(), invoiceId);
    if (owner != null) {
      return owner.equals(invoiceId)
          ? new LedgerOutcome.Duplicate(summary(invoiceId, open))
          : new LedgerOutcome.NotMatching("the transfer pays invoice " + owner + " already");
    }
    synchronized (open) {
      open.paid().add(TransferClaim.of(transfer));
    }
    times.applied(invoiceId);
    return new LedgerOutcome.Applied(summary(invoiceId, open));
  }

  private static InvoiceSummary summary(UUID id, Open open) {
    List<TransferClaim> paid;
    synchronized (open) {
      paid = List.copyOf(open.paid());
    }
    BigInteger sum = BigInteger.ZERO;
    for (TransferClaim claim : paid) {
      sum = sum.add(claim.amount());
    }
    ReceiptStatus status;
    if (sum.compareTo(open.total()) >= 0) {
      status = ReceiptStatus.PAID;
    } else {
      status = sum.signum() == 0 ? ReceiptStatus.OPEN : ReceiptStatus.PROCESSING;
    }
    return new InvoiceSummary(id, open.expectation().asset(), open.total(), sum, status, paid);
  }
}
