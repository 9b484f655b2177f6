package dev.payrelay.settlement;

import dev.payrelay.settlement.message.InvoiceSummary;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.payment.Expectation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The home node's side of a proof: is it one of our invoices, paid the way the invoice asks, on
 * chain? Then apply it through the ledger (exactly once: the ledger's uniqueness is the guard) and
 * publish a signed receipt.
 */
final class HomeSettlement {
  private static final Logger LOG = LoggerFactory.getLogger(HomeSettlement.class);

  private final EngineContext node;
  private final PerKeySerializer<UUID> perInvoice = new PerKeySerializer<>();

  HomeSettlement(EngineContext node) {
    this.node = node;
  }

  /**
   * Settles one proof. Proofs of one invoice are settled one after the other, so that two proofs of
   * the same transfer under different keys (with and without its log index) cannot both find no
   * receipt and issue two.
   */
  Mono<ProofOutcome> settle(PaymentProofMessage proof) {
    return perInvoice.run(proof.invoice().invoiceId(), () -> settleNow(proof));
  }

  private Mono<ProofOutcome> settleNow(PaymentProofMessage proof) {
    TransferClaim claim = proof.transfer();
    return node.ledger()
        .find(proof.invoice().invoiceId())
        .flatMap(
            found -> {
              if (found.isEmpty()) {
                return Mono.just(refused("no invoice " + proof.invoice().invoiceId() + " here"));
              }
              Optional<Expectation> option = matchingOption(found.get().expectations(), claim);
              if (option.isEmpty()) {
                return Mono.just(
                    refused("the claimed transfer is not paid the way the invoice asks"));
              }
              return ChainCheck.of(node.chains(), claim, option.get())
                  .flatMap(check -> afterCheck(proof, check));
            });
  }

  private Mono<ProofOutcome> afterCheck(PaymentProofMessage proof, ChainCheck check) {
    if (check instanceof ChainCheck.Confirmed confirmed) {
      return node.ledger()
          .apply(proof.invoice().invoiceId(), confirmed.verified())
          .flatMap(outcome -> afterApply(proof, outcome));
    }
    if (check instanceof ChainCheck.Pending pending) {
      return Mono.just(new ProofOutcome.Pending(pending.confirmations(), pending.required()));
    }
    if (check instanceof ChainCheck.Unverifiable unverifiable) {
      return Mono.just(new ProofOutcome.Unverifiable(unverifiable.why()));
    }
    return Mono.just(new ProofOutcome.Rejected(((ChainCheck.Contradicted) check).why()));
  }

  private Mono<ProofOutcome> afterApply(PaymentProofMessage proof, LedgerOutcome outcome) {
    if (outcome instanceof LedgerOutcome.Applied applied) {
      LOG.info("settled {} with {}", proof.invoice(), proof.transfer().tx());
      return issue(proof, applied.after());
    }
    if (outcome instanceof LedgerOutcome.Duplicate duplicate) {
      // Applied before: answer with the receipt we issued, or issue it now if we never did
      // (a crash between the ledger's commit and the receipt's publication).
      return latestListing(proof)
          .<ProofOutcome>map(ProofOutcome.Settled::new)
          .switchIfEmpty(Mono.defer(() -> issue(proof, duplicate.current())));
    }
    return Mono.just(refused(((LedgerOutcome.NotMatching) outcome).reason()));
  }

  private Mono<ProofOutcome> issue(PaymentProofMessage proof, InvoiceSummary summary) {
    SettlementReceipt receipt =
        SettlementReceipt.sign(
            node.identity().keyPair(),
            proof.invoice(),
            summary.digest(),
            summary.transfers().isEmpty() ? List.of(proof.transfer()) : summary.transfers(),
            summary.status(),
            node.clock().instant());
    return node.store()
        .append(receipt)
        .then(node.publish(node.config().receiptsTopic(), receipt))
        .thenReturn(new ProofOutcome.Settled(receipt));
  }

  private Mono<SettlementReceipt> latestListing(PaymentProofMessage proof) {
    return node.store()
        .receipts(proof.invoice())
        .flatMap(
            receipts ->
                Mono.justOrEmpty(
                    receipts.stream()
                        .filter(r -> r.transfers().stream().anyMatch(proof.transfer()::samePlaceAs))
                        .max(Comparator.comparing(SettlementReceipt::issuedAt))));
  }

  /** The invoice's payment option that the claim names: same asset (by CAIP-19), same route. */
  static Optional<Expectation> matchingOption(List<Expectation> options, TransferClaim claim) {
    return options.stream()
        .filter(e -> sameAsset(e.asset(), claim.asset()) && e.route().equals(claim.route()))
        .findFirst();
  }

  private static boolean sameAsset(Asset a, Asset b) {
    return a.caip19().equals(b.caip19()) && a.decimals() == b.decimals();
  }

  private static ProofOutcome refused(String why) {
    return new ProofOutcome.Refused(why);
  }
}
