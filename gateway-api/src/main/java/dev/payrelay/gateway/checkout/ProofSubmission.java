package dev.payrelay.gateway.checkout;

import dev.payrelay.gateway.checkout.ProofOutcome.Result;
import dev.payrelay.invoicing.chain.ObservationApplier;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.rpc.RpcProtocolException;
import dev.payrelay.wallet.rpc.RpcUnavailableException;
import dev.payrelay.wallet.verify.PaymentProof;
import dev.payrelay.wallet.verify.ProofVerifiers;
import dev.payrelay.wallet.verify.RejectionReason;
import dev.payrelay.wallet.verify.Verification;
import dev.payrelay.wallet.watch.Checkpoint;
import dev.payrelay.wallet.watch.PaymentObservation;
import dev.payrelay.wallet.watch.WatchBatch;
import dev.payrelay.wallet.watch.WatchCursor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The "I have paid" form: a buyer names a transaction; the node verifies it against each of the
 * invoice's payment methods ({@link ProofVerifiers}) and applies a verified or pending transfer
 * exactly as the chain watcher would, as one observation through the same {@link
 * ObservationApplier} (invoice locked, payment claimed by its unique key, status re-evaluated,
 * outbox events written, in one transaction). A rejected proof changes nothing.
 *
 * <p>The synthetic batch carries a checkpoint at the head the verifier saw (block number from the
 * confirmations; the hash is the transfer's block's, as the applier reads only the number). The
 * watcher, if it follows the invoice, later sees the same transfer and moves it on (confirmed,
 * final, or removed by a reorg); replays change nothing.
 */
final class ProofSubmission {

  private static final Logger LOG = LoggerFactory.getLogger(ProofSubmission.class);

  static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  /** Reasons that hold for the whole transaction: no other payment method needs asking. */
  private static final Set<RejectionReason> FINAL_REASONS =
      EnumSet.of(
          RejectionReason.UNKNOWN_CHAIN,
          RejectionReason.WRONG_CHAIN,
          RejectionReason.UNKNOWN_TRANSACTION,
          RejectionReason.REVERTED,
          RejectionReason.NOT_CANONICAL,
          RejectionReason.TOO_LARGE);

  private final ProofVerifiers verifiers;
  private final ObservationApplier applier;
  private final DatabaseClient db;
  private final TransactionalOperator transactions;
  private final CheckoutInvoices invoices;

  ProofSubmission(
      ProofVerifiers verifiers,
      ObservationApplier applier,
      DatabaseClient db,
      TransactionalOperator transactions,
      CheckoutInvoices invoices) {
    this.verifiers = verifiers;
    this.applier = applier;
    this.db = db;
    this.transactions = transactions;
    this.invoices = invoices;
  }

  Mono<ProofOutcome> submit(String token, Checkout checkout, String txHash) {
    String text = txHash == null ? "" : txHash.strip();
    if (!TX_HASH.matcher(text).matches()) {
      return Mono.just(ProofOutcome.of(Result.MALFORMED, ProofMessages.MALFORMED));
    }
    if (checkout.state() == PageState.VOID) {
      return Mono.just(ProofOutcome.of(Result.CLOSED, ProofMessages.CLOSED));
    }
    TxHash tx = TxHash.parse(text.toLowerCase(java.util.Locale.ROOT));
    if (recorded(checkout.payments(), tx)) {
      return Mono.just(ProofOutcome.of(Result.ALREADY_RECORDED, ProofMessages.ALREADY_RECORDED));
    }
    Invoice invoice = checkout.invoice();
    String chain = CheckoutViews.chainLabel(invoice.currency());
    PaymentProof proof = PaymentProof.of(invoice.currency().chain(), tx);
    return verify(proof, expectations(invoice))
        .flatMap(v -> outcome(token, invoice, v, chain))
        .onErrorResume(
            ProofSubmission::chainUnreachable,
            e -> {
              LOG.warn("proof {} for invoice {} not checked: {}", tx, invoice.id(), e.toString());
              return Mono.just(
                  ProofOutcome.of(Result.UNAVAILABLE, ProofMessages.unavailable(chain)));
            });
  }

  /** The chain's endpoint failed (not the proof, not the node): the buyer may try again. */
  static boolean chainUnreachable(Throwable e) {
    return e instanceof RpcUnavailableException
        || e instanceof RpcProtocolException
        || e instanceof TimeoutException;
  }

  /** Asks per payment method until one matches or the transaction itself is refused. */
  private Mono<Verification> verify(PaymentProof proof, List<Expectation> expected) {
    return Flux.fromIterable(expected)
        .concatMap(e -> verifiers.verify(proof, e))
        .takeUntil(
            v -> !(v instanceof Verification.Rejected r) || FINAL_REASONS.contains(r.reason()))
        .collectList()
        .map(ProofSubmission::best);
  }

  /** A match if any; else the most telling rejection (a specific one over "no matching event"). */
  static Verification best(List<Verification> answers) {
    Verification best = answers.get(answers.size() - 1);
    if (!(best instanceof Verification.Rejected)) {
      return best;
    }
    for (Verification v : answers) {
      if (((Verification.Rejected) v).reason() != RejectionReason.NO_MATCHING_EVENT) {
        return v;
      }
    }
    return best;
  }

  private Mono<ProofOutcome> outcome(String token, Invoice invoice, Verification v, String chain) {
    if (v instanceof Verification.Rejected r) {
      LOG.info("proof for invoice {} rejected: {} ({})", invoice.id(), r.reason(), r.detail());
      return Mono.just(
          new ProofOutcome(
              Result.REJECTED,
              ProofMessages.rejected(r.reason(), chain, invoice.currency().symbol()),
              r.reason()));
    }
    Transfer transfer;
    PaymentObservation observation;
    long confirmations;
    String key = invoice.id().toString();
    if (v instanceof Verification.Verified ok) {
      transfer = ok.transfer();
      confirmations = ok.confirmations();
      observation =
          ok.finalized()
              ? new PaymentObservation.Finalized(transfer, key)
              : new PaymentObservation.Confirmed(transfer, key, confirmations);
    } else {
      Verification.Pending pending = (Verification.Pending) v;
      transfer = pending.transfer();
      confirmations = pending.confirmations();
      observation = new PaymentObservation.Seen(transfer, key, confirmations);
    }
    Checkpoint head =
        new Checkpoint(
            transfer.blockNumber() + Math.max(confirmations, 1) - 1, transfer.blockHash());
    WatchBatch batch = new WatchBatch(transfer.chain(), List.of(observation), WatchCursor.at(head));
    return transactions
        .transactional(applier.apply(batch, db))
        .then(invoices.find(token))
        .map(after -> applied(after, transfer, v));
  }

  private static ProofOutcome applied(Checkout after, Transfer transfer, Verification v) {
    boolean ours = after.payments().stream().anyMatch(p -> p.key().equals(transfer.key()));
    if (!ours) {
      return ProofOutcome.of(Result.REJECTED, ProofMessages.OTHER_INVOICE);
    }
    String amount = CheckoutViews.money(transfer.amount());
    if (v instanceof Verification.Pending p) {
      long missing = p.required() - p.confirmations();
      return ProofOutcome.of(
          Result.PENDING,
          "Payment of "
              + amount
              + " found. It counts after "
              + missing
              + " more confirmation"
              + (missing == 1 ? "" : "s")
              + "; this page updates by itself.");
    }
    return ProofOutcome.of(Result.VERIFIED, "Payment of " + amount + " found and confirmed.");
  }

  private static boolean recorded(List<Payment> payments, TxHash tx) {
    return payments.stream().anyMatch(p -> p.key().tx().equals(tx) && p.state().counts());
  }

  /** What each of the invoice's payment methods waits for, as the watcher is told at creation. */
  static List<Expectation> expectations(Invoice invoice) {
    List<Expectation> out = new ArrayList<>(2);
    String key = invoice.id().toString();
    for (PaymentOption option : invoice.paymentOptions()) {
      PaymentRoute route =
          option instanceof PaymentOption.ByReference r
              ? new PaymentRoute.ByReference(
                  r.recipient(), PaymentReference.parse(r.reference()).topicHash())
              : new PaymentRoute.ToDepositAddress(
                  ((PaymentOption.ToDepositAddress) option).address());
      out.add(new Expectation(key, invoice.currency(), route));
    }
    return out;
  }
}
