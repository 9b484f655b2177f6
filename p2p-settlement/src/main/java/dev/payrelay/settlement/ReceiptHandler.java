package dev.payrelay.settlement;

import dev.payrelay.settlement.message.Attestation;
import dev.payrelay.settlement.message.SettlementReceipt;
import dev.payrelay.settlement.message.Verdict;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receipts and attestations from the receipts topic or from sync. A receipt must be signed by the
 * home node its invoice reference names; this node then checks every transfer on its own RPC
 * endpoint where it has one, keeps the receipt, and publishes its signed attestation: CONFIRMED, or
 * DISPUTED when the chain contradicts the receipt (which is then REJECTed). Without an endpoint it
 * keeps the receipt unverified (quorum mode may count it later) and does not forward it. An
 * attestation must be signed by its attester; it is kept and forwarded.
 */
final class ReceiptHandler {
  /** Receipts and attestations a peer may send at once. */
  static final int RECEIPT_BURST = 200;

  /** Receipts and attestations per second a peer may send, sustained. */
  static final int RECEIPTS_PER_SECOND = 50;

  /** Receipt and attestation digests remembered as seen. */
  static final int MAX_REMEMBERED_MESSAGES = 100_000;

  /** Receipts held for {@link #retryHeld()}, the oldest dropped first. */
  static final int MAX_HELD_RECEIPTS = 10_000;

  private final EngineContext node;
  private final PeerRateLimits limits;
  private final Map<ByteBuffer, SettlementReceipt> held =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, SettlementReceipt> eldest) {
          return size() > MAX_HELD_RECEIPTS;
        }
      };
  private final RecentSet<ByteBuffer> seen = new RecentSet<>(MAX_REMEMBERED_MESSAGES);

  ReceiptHandler(EngineContext node) {
    this.node = node;
    this.limits = new PeerRateLimits(node.clock(), RECEIPT_BURST, RECEIPTS_PER_SECOND);
  }

  Mono<ValidationResult> receipt(SettlementReceipt receipt, Source source) {
    if (!receipt.hasValidSignature()) {
      return Mono.just(ValidationResult.REJECT);
    }
    if (!admit(receipt.digest(), source)) {
      return Mono.just(ValidationResult.IGNORE);
    }
    if (receipt.invoice().home().equals(node.self())) {
      // Our own receipt coming back through sync: keep it, nothing to attest.
      return node.store().append(receipt).thenReturn(ValidationResult.IGNORE);
    }
    return node.store().append(receipt).then(check(receipt));
  }

  /** How many receipts are held now. */
  int heldCount() {
    synchronized (held) {
      return held.size();
    }
  }

  private List<SettlementReceipt> heldSnapshot() {
    synchronized (held) {
      return new ArrayList<>(held.values());
    }
  }

  /**
   * Checks the held receipts again.
   *
   * @return how many were attested (either verdict)
   */
  Mono<Integer> retryHeld() {
    return Flux.defer(() -> Flux.fromIterable(heldSnapshot()))
        .concatMap(this::check)
        .filter(result -> result != ValidationResult.IGNORE)
        .count()
        .map(Long::intValue);
  }

  private Mono<ValidationResult> check(SettlementReceipt receipt) {
    return ChainCheck.all(node.chains(), receipt.transfers(), receipt.invoice().toString())
        .flatMap(
            check -> {
              boolean checkable =
                  receipt.transfers().stream().allMatch(t -> node.chains().serves(t.chain()));
              boolean hold =
                  checkable
                      && (check instanceof ChainCheck.Pending
                          || check instanceof ChainCheck.Unverifiable);
              ByteBuffer key = ByteBuffer.wrap(receipt.digest());
              synchronized (held) {
                if (hold) {
                  held.put(key, receipt);
                } else {
                  held.remove(key);
                }
              }
              return attest(receipt, check);
            });
  }

  Mono<ValidationResult> attestation(Attestation attestation, Source source) {
    if (!attestation.hasValidSignature()) {
      return Mono.just(ValidationResult.REJECT);
    }
    if (!admit(attestation.signature(), source) || attestation.attester().equals(node.self())) {
      return Mono.just(ValidationResult.IGNORE);
    }
    return node.store().append(attestation).thenReturn(ValidationResult.ACCEPT);
  }

  private Mono<ValidationResult> attest(SettlementReceipt receipt, ChainCheck check) {
    Verdict verdict;
    ValidationResult result;
    if (check instanceof ChainCheck.Confirmed) {
      verdict = Verdict.CONFIRMED;
      result = ValidationResult.ACCEPT;
    } else if (check instanceof ChainCheck.Contradicted) {
      verdict = Verdict.DISPUTED;
      result = ValidationResult.REJECT;
    } else {
      // Pending or unverifiable here: no attestation, not forwarded; kept for quorum mode.
      return Mono.just(ValidationResult.IGNORE);
    }
    return node.store()
        .attestations(receipt.digest())
        .flatMap(
            known -> {
              boolean attestedBefore =
                  known.stream().anyMatch(a -> a.attester().equals(node.self()));
              if (attestedBefore) {
                // Seen again after a restart (sync replays it): one attestation per node is enough.
                return Mono.just(result);
              }
              Attestation attestation =
                  Attestation.sign(
                      node.identity().keyPair(), receipt, verdict, node.clock().instant());
              return node.store()
                  .append(attestation)
                  .then(node.publish(node.config().receiptsTopic(), attestation))
                  .thenReturn(result);
            });
  }

  /** First sight of the message, within the peer's rate (gossip only). */
  private boolean admit(byte[] id, Source source) {
    if (!seen.add(ByteBuffer.wrap(id))) {
      return false;
    }
    return !source.isGossip() || limits.tryAcquire(source.peer().orElseThrow());
  }
}
