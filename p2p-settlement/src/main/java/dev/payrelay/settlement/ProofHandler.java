package dev.payrelay.settlement;

import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.message.ProofKey;
import dev.payrelay.settlement.message.SettlementMessages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The validation pipeline of a payment proof: (decoded by the caller) → dedupe by {@link ProofKey}
 * → per-peer rate limit (gossip only) → the home node settles it ({@link HomeSettlement}); any
 * other node checks the claimed transfer on its own RPC endpoint, keeps a confirmed proof for sync
 * and relays it. An unverifiable proof is not forwarded; one submitted here is kept for sync.
 *
 * <p>Proofs held back (pending confirmations, or unverifiable while the endpoint is down) are kept
 * in memory, at most {@value #MAX_HELD_PROOFS}, and checked again by {@link #retryHeld()}: a proof
 * that becomes valid is then settled (home) or relayed, since it was not forwarded before.
 */
final class ProofHandler {
  /** Proofs a peer may send at once. */
  static final int PROOF_BURST = 50;

  /** Proofs per second a peer may send, sustained. */
  static final int PROOFS_PER_SECOND = 10;

  /** Proof keys remembered as done (settled or relayed), the oldest forgotten first. */
  static final int MAX_REMEMBERED_PROOFS = 100_000;

  /** False proofs remembered (by their exact bytes), the oldest forgotten first. */
  static final int MAX_REMEMBERED_FALSE_PROOFS = 100_000;

  /** Held proofs kept for {@link #retryHeld()}, the oldest dropped first. */
  static final int MAX_HELD_PROOFS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ProofHandler.class);

  private final EngineContext node;
  private final HomeSettlement home;
  private final PeerRateLimits limits;
  private final RecentSet<ProofKey> done = new RecentSet<>(MAX_REMEMBERED_PROOFS);
  // A false proof is remembered as itself, not by its transfer: a forged variant (another
  // amount, another route) must not make the true proof of the same transfer a "duplicate".
  private final RecentSet<ByteBuffer> refuted = new RecentSet<>(MAX_REMEMBERED_FALSE_PROOFS);
  private final Map<ProofKey, Boolean> inFlight = new ConcurrentHashMap<>();
  private final Map<ProofKey, PaymentProofMessage> held =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ProofKey, PaymentProofMessage> eldest) {
          return size() > MAX_HELD_PROOFS;
        }
      };

  ProofHandler(EngineContext node) {
    this.node = node;
    this.home = new HomeSettlement(node);
    this.limits = new PeerRateLimits(node.clock(), PROOF_BURST, PROOFS_PER_SECOND);
  }

  Mono<ProofOutcome> handle(PaymentProofMessage proof, Source source) {
    ProofKey key = proof.key();
    if (done.contains(key)
        || refuted.contains(fingerprint(proof))
        || inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
      return Mono.just(new ProofOutcome.Duplicate());
    }
    if (source.isGossip() && !limits.tryAcquire(source.peer().orElseThrow())) {
      inFlight.remove(key);
      return Mono.just(new ProofOutcome.RateLimited());
    }
    return Mono.defer(() -> decide(proof, source))
        .onErrorResume(
            e -> {
              LOG.warn(
                  "proof {} for {} failed: {}",
                  proof.transfer().tx(),
                  proof.invoice(),
                  e.toString());
              return Mono.just(new ProofOutcome.Unverifiable("this node failed: " + e));
            })
        .doOnNext(outcome -> remember(proof, outcome))
        .doFinally(signal -> inFlight.remove(key))
        .flatMap(outcome -> consequences(proof, source, outcome).thenReturn(outcome));
  }

  /** How many proofs are held now. */
  int heldCount() {
    synchronized (held) {
      return held.size();
    }
  }

  /**
   * Checks every held proof again.
   *
   * @return how many are no longer held (settled, relayed, or found false)
   */
  Mono<Integer> retryHeld() {
    return Flux.defer(() -> Flux.fromIterable(heldSnapshot()))
        .concatMap(proof -> handle(proof, Source.retry()))
        .filter(outcome -> !(outcome instanceof ProofOutcome.Held))
        .count()
        .map(Long::intValue);
  }

  private List<PaymentProofMessage> heldSnapshot() {
    synchronized (held) {
      return new ArrayList<>(held.values());
    }
  }

  private Mono<ProofOutcome> decide(PaymentProofMessage proof, Source source) {
    if (proof.invoice().home().equals(node.self())) {
      return home.settle(proof);
    }
    return ChainCheck.of(
            node.chains(),
            proof.transfer(),
            proof.transfer().expectation(proof.invoice().toString()))
        .map(ProofHandler::relayOutcome);
  }

  private static ProofOutcome relayOutcome(ChainCheck check) {
    if (check instanceof ChainCheck.Confirmed) {
      return new ProofOutcome.Relayed();
    }
    if (check instanceof ChainCheck.Pending pending) {
      return new ProofOutcome.Pending(pending.confirmations(), pending.required());
    }
    if (check instanceof ChainCheck.Unverifiable unverifiable) {
      return new ProofOutcome.Unverifiable(unverifiable.why());
    }
    return new ProofOutcome.Rejected(((ChainCheck.Contradicted) check).why());
  }

  /**
   * Settled and relayed proofs are done for their transfer; false ones are remembered as
   * themselves; pending and unverifiable ones are held.
   */
  private void remember(PaymentProofMessage proof, ProofOutcome outcome) {
    ProofKey key = proof.key();
    boolean retry =
        outcome instanceof ProofOutcome.Pending || outcome instanceof ProofOutcome.Unverifiable;
    synchronized (held) {
      if (retry) {
        held.put(key, proof);
      } else {
        held.remove(key);
      }
    }
    if (outcome instanceof ProofOutcome.Rejected || outcome instanceof ProofOutcome.Refused) {
      refuted.add(fingerprint(proof));
    } else if (!retry) {
      done.add(key);
    }
  }

  private static ByteBuffer fingerprint(PaymentProofMessage proof) {
    return ByteBuffer.wrap(SettlementMessages.messageId(SettlementMessages.encode(proof)));
  }

  /** Keep, publish and penalize, as the outcome asks. */
  private Mono<Void> consequences(PaymentProofMessage proof, Source source, ProofOutcome outcome) {
    if (outcome instanceof ProofOutcome.Refused && source.isGossip()) {
      node.network().penalize(source.origin().orElseThrow(), Penalty.FALSE_PROOF_FOR_LOCAL_INVOICE);
    }
    boolean local = source.kind() == Source.Kind.LOCAL;
    if (outcome instanceof ProofOutcome.Relayed) {
      // Gossip forwards an accepted proof itself; one submitted here or held until now is ours
      // to publish.
      boolean publish = local || source.kind() == Source.Kind.RETRY;
      Mono<Void> kept = node.store().append(proof).then();
      return publish ? kept.then(node.publish(node.config().proofsTopic(), proof)) : kept;
    }
    if (local
        && (outcome instanceof ProofOutcome.Unverifiable || outcome instanceof ProofOutcome.Pending)
        && !proof.invoice().home().equals(node.self())) {
      return node.store().append(proof).then();
    }
    return Mono.empty();
  }
}
