package dev.payrelay.settlement;

import dev.payrelay.settlement.message.TransferClaim;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.verify.RejectionReason;
import dev.payrelay.wallet.verify.Verification;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the chain, through this node's RPC endpoint, says of claimed transfers. */
sealed interface ChainCheck {

  /** The chain shows exactly the claimed transfer, deep enough. */
  record Confirmed(Verification.Verified verified) implements ChainCheck {}

  /** The chain contradicts the claim; every node that checks sees the same. */
  record Contradicted(String why) implements ChainCheck {}

  /** The transfer is there but not deep enough yet. */
  record Pending(long confirmations, long required) implements ChainCheck {}

  /** This node cannot tell: no endpoint for the chain, or the endpoint failed. */
  record Unverifiable(String why) implements ChainCheck {}

  /** Checks {@code claim} against the chain as paying by {@code expected}. */
  static Mono<ChainCheck> of(ChainVerifier chains, TransferClaim claim, Expectation expected) {
    if (!chains.serves(claim.chain())) {
      return Mono.just(new Unverifiable("no JSON-RPC endpoint here for chain " + claim.chain()));
    }
    return chains
        .verify(claim.toProof(), expected)
        .map(verification -> classify(claim, verification))
        .onErrorResume(
            e ->
                Mono.just(
                    new Unverifiable("the chain " + claim.chain() + " did not answer: " + e)));
  }

  /** Checks every transfer of a receipt: the worst answer wins (contradicted first). */
  static Mono<ChainCheck> all(ChainVerifier chains, List<TransferClaim> claims, String key) {
    return Flux.fromIterable(claims)
        .concatMap(claim -> of(chains, claim, claim.expectation(key)))
        .collectList()
        .map(ChainCheck::worst);
  }

  private static ChainCheck worst(List<ChainCheck> checks) {
    for (Class<?> kind : List.of(Contradicted.class, Unverifiable.class, Pending.class)) {
      for (ChainCheck check : checks) {
        if (kind.isInstance(check)) {
          return check;
        }
      }
    }
    return checks.get(0);
  }

  private static ChainCheck classify(TransferClaim claim, Verification verification) {
    if (verification instanceof Verification.Verified verified) {
      if (claim.isConfirmedBy(verified.transfer())) {
        return new Confirmed(verified);
      }
      return new Contradicted(
          "the chain shows "
              + verified.transfer().amount().baseUnits()
              + " base units at log "
              + verified.transfer().logIndex()
              + ", the claim says "
              + claim.amount()
              + claim.logIndex().stream().mapToObj(log -> " at log " + log).findFirst().orElse(""));
    }
    if (verification instanceof Verification.Pending pending) {
      return new Pending(pending.confirmations(), pending.required());
    }
    Verification.Rejected rejected = (Verification.Rejected) verification;
    if (rejected.reason() == RejectionReason.UNKNOWN_CHAIN) {
      return new Unverifiable(rejected.detail());
    }
    return new Contradicted(rejected.reason() + ": " + rejected.detail());
  }
}
