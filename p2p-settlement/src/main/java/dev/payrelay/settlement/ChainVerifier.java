package dev.payrelay.settlement;

import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.verify.PaymentProof;
import dev.payrelay.wallet.verify.ProofVerifier;
import dev.payrelay.wallet.verify.Verification;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The node's view of the chains it has JSON-RPC endpoints for: the wallet's {@link ProofVerifier}
 * per chain. An RPC failure ends the {@code Mono} with an error: unverifiable, not false.
 */
public interface ChainVerifier {

  /** Whether this node has an endpoint for {@code chain}. */
  boolean serves(ChainId chain);

  /** As {@link ProofVerifier#verify}; only called for a chain this node {@link #serves}. */
  Mono<Verification> verify(PaymentProof proof, Expectation expected);

  /** The verifier over the wallet's verifiers, one per chain. */
  static ChainVerifier of(Collection<ProofVerifier> verifiers) {
    Map<ChainId, ProofVerifier> byChain = new HashMap<>();
    for (ProofVerifier verifier : verifiers) {
      if (byChain.putIfAbsent(verifier.chain(), verifier) != null) {
        throw new IllegalArgumentException("two verifiers for chain " + verifier.chain());
      }
    }
    return new ChainVerifier() {
      @Override
      public boolean serves(ChainId chain) {
        return byChain.containsKey(chain);
      }

      @Override
      public Mono<Verification> verify(PaymentProof proof, Expectation expected) {
        ProofVerifier verifier = byChain.get(proof.chain());
        return verifier == null
            ? Mono.error(new IllegalStateException("no verifier for chain " + proof.chain()))
            : verifier.verify(proof, expected);
      }
    };
  }

  /** A node without any RPC endpoint. */
  static ChainVerifier none() {
    return of(List.of());
  }
}
