package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.settlement.identity.NodeIdentity;
import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.MessageFormatException;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.SettlementMessage;
import dev.payrelay.settlement.message.SettlementMessages;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.Verdict;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * The settlement protocol of one node, over its ports (ARCHITECTURE "The settlement network"):
 * validates proofs, receipts and attestations from gossip and sync, settles its own invoices'
 * proofs exactly once and publishes signed receipts, attests other nodes' receipts after checking
 * them on chain, answers and runs catch-up sync, and answers "the receipt of this invoice, with its
 * attestations".
 *
 * <p>Wiring: construct, {@link #start()} (subscribes both topics and serves sync), call {@link
 * #catchUp} on every (re)connection to a peer, {@link #submit} for proofs submitted here, and
 * {@link #retryHeld} on a schedule.
 */
public final class SettlementEngine {
  private final EngineContext node;
  private final ProofHandler proofs;
  private final ReceiptHandler receipts;
  private final CatchUp catchUp;
  private final AtomicBoolean started = new AtomicBoolean();

  public SettlementEngine(
      NodeIdentity identity,
      SettlementConfig config,
      InvoiceLedger ledger,
      SettlementNetwork network,
      SettlementStore store,
      ChainVerifier chains,
      Clock clock) {
    this.node = new EngineContext(identity, config, ledger, network, store, chains, clock);
    this.proofs = new ProofHandler(node);
    this.receipts = new ReceiptHandler(node);
    this.catchUp = new CatchUp(node, this::dispatch);
  }

  public PeerId peerId() {
    return node.self();
  }

  /** Subscribes the proofs and receipts topics and serves sync. Once. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the settlement engine is started already");
    }
    SettlementConfig config = node.config();
    node.network().subscribe(config.proofsTopic(), message -> onGossip(message, true));
    node.network().subscribe(config.receiptsTopic(), message -> onGossip(message, false));
    node.network().serveSync((from, request) -> catchUp.answer(request));
  }

  /**
   * A proof submitted to this node (the gateway's {@code POST /v1/proofs}): validated as a gossiped
   * one would be, then settled here (home), or relayed, or kept for the home node's sync.
   */
  public Mono<ProofOutcome> submit(PaymentProofMessage proof) {
    return proofs.handle(proof, Source.local());
  }

  /**
   * Checks again the proofs and receipts this node held back (too few confirmations, or no answer
   * from the chain). Call it on a schedule, e.g. on every new block of the chains served.
   *
   * @return how many are no longer held (proofs settled, relayed or found false; receipts attested)
   */
  public Mono<Integer> retryHeld() {
    // One after the other, each list read when its turn comes: a relayed proof may bring its
    // receipt's attestation along, and the two passes must not race over the same transfer.
    return proofs
        .retryHeld()
        .flatMap(settled -> receipts.retryHeld().map(attested -> settled + attested));
  }

  /** What this node holds back now, waiting for confirmations or for its chain endpoint. */
  public Held held() {
    return new Held(proofs.heldCount(), receipts.heldCount());
  }

  /** Counts of held proofs and receipts (see {@link #retryHeld}). */
  public record Held(int proofs, int receipts) {}

  /**
   * Catches up with {@code peer} after a (re)connection: fetches its pages since the last cursor
   * and validates every item as gossip would.
   *
   * @return the number of items processed; an error if the peer cannot be reached
   */
  public Mono<Integer> catchUp(PeerId peer) {
    return catchUp.from(peer);
  }

  /**
   * The latest receipt this node holds for {@code invoice} (the one listing the most transfers, the
   * latest issued among equals), with its attestations and this node's acceptance.
   */
  public Mono<Optional<ReceiptView>> receipt(InvoiceRef invoice) {
    return node.store()
        .receipts(invoice)
        .flatMap(
            all ->
                all.stream()
                    .max(
                        Comparator.<SettlementReceipt>comparingInt(r -> r.transfers().size())
                            .thenComparing(SettlementReceipt::issuedAt))
                    .map(
                        latest ->
                            node.store()
                                .attestations(latest.digest())
                                .map(found -> Optional.of(view(latest, found))))
                    .orElse(Mono.just(Optional.empty())));
  }

  private ReceiptView view(SettlementReceipt receipt, List<Attestation> attestations) {
    // One per attester, its latest: a node that attested twice (a restart) counts once.
    Map<PeerId, Attestation> latest = new LinkedHashMap<>();
    for (Attestation a : attestations) {
      if (a.attests(receipt) && a.hasValidSignature()) {
        latest.merge(a.attester(), a, (x, y) -> y.at().isAfter(x.at()) ? y : x);
      }
    }
    List<Attestation> valid = List.copyOf(latest.values());
    return new ReceiptView(receipt, valid, acceptance(receipt, valid));
  }

  private ReceiptView.Acceptance acceptance(SettlementReceipt receipt, List<Attestation> valid) {
    if (receipt.invoice().home().equals(node.self())) {
      return ReceiptView.Acceptance.ISSUED_HERE;
    }
    Optional<Attestation> own =
        valid.stream().filter(a -> a.attester().equals(node.self())).findFirst();
    if (own.isPresent()) {
      return own.get().verdict() == Verdict.CONFIRMED
          ? ReceiptView.Acceptance.VERIFIED_HERE
          : ReceiptView.Acceptance.DISPUTED_HERE;
    }
    boolean quorum =
        node.config()
            .quorum()
            .map(
                q ->
                    valid.stream()
                            .filter(a -> a.verdict() == Verdict.CONFIRMED)
                            .map(Attestation::attester)
                            .filter(q.allowlist()::contains)
                            .distinct()
                            .count()
                        >= q.attestations())
            .orElse(false);
    return quorum ? ReceiptView.Acceptance.QUORUM : ReceiptView.Acceptance.UNVERIFIED;
  }

  private Mono<ValidationResult> onGossip(InboundMessage message, boolean proofsTopic) {
    SettlementMessage decoded;
    try {
      decoded = SettlementMessages.decode(message.data());
    } catch (MessageFormatException e) {
      return Mono.just(ValidationResult.REJECT);
    }
    if ((decoded instanceof PaymentProofMessage) != proofsTopic) {
      // A proof on the receipts topic or a receipt on the proofs topic: a broken or hostile peer.
      return Mono.just(ValidationResult.REJECT);
    }
    return dispatch(decoded, Source.gossip(message)).onErrorReturn(ValidationResult.IGNORE);
  }

  private Mono<ValidationResult> dispatch(SettlementMessage message, Source source) {
    if (message instanceof PaymentProofMessage proof) {
      return proofs.handle(proof, source).map(ProofOutcome::validation);
    }
    if (message instanceof SettlementReceipt receipt) {
      return receipts.receipt(receipt, source);
    }
    return receipts.attestation((Attestation) message, source);
  }
}
