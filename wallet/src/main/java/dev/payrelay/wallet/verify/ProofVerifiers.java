package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The node's proof verifiers, one per chain it serves; a proof for another chain is refused. */
public final class ProofVerifiers {

  private final Map<ChainId, ProofVerifier> byChain = new HashMap<>();

  public ProofVerifiers(Collection<ProofVerifier> verifiers) {
    for (ProofVerifier verifier : verifiers) {
      if (byChain.putIfAbsent(verifier.chain(), verifier) != null) {
        throw new IllegalArgumentException("two verifiers for chain " + verifier.chain());
      }
    }
  }

  /** As {@link ProofVerifier#verify}, by the verifier of the proof's chain. */
  public Mono<Verification> verify(PaymentProof proof, Expectation expected) {
    ProofVerifier verifier = byChain.get(proof.chain());
    Optional<Verification> early =
        ProofVerifier.chainMismatch(
            proof, expected, Optional.ofNullable(verifier).map(ProofVerifier::chain));
    return early.map(Mono::just).orElseGet(() -> verifier.verify(proof, expected));
  }
}
