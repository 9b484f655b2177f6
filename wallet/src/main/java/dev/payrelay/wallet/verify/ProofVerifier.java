package dev.payrelay.wallet.verify;

import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.RpcUnavailableException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Verifies payment proofs on one chain: one JSON-RPC batch (receipt, transaction, head, finalized
 * block) and one block lookup (is the receipt's block still canonical?) per proof, whatever the
 * transaction holds; a receipt of more than {@value ReceiptMatcher#MAX_LOGS_PER_RECEIPT} logs is
 * refused as {@link RejectionReason#TOO_LARGE}.
 *
 * <p>An RPC failure is not a rejection: a proof is not false because the node is down. It ends the
 * {@code Mono} with the RPC's {@link RpcUnavailableException} (or protocol error) instead.
 */
public final class ProofVerifier {

  /** A receipt with more logs than this is refused before any is decoded. */
  public static final int MAX_LOGS_PER_RECEIPT = ReceiptMatcher.MAX_LOGS_PER_RECEIPT;

  private final EthRpc rpc;
  private final long requiredConfirmations;
  private final Set<Address> trustedProxies;

  /**
   * @param requiredConfirmations blocks (the transfer's own included) before a transfer counts
   * @param trustedProxies the payment proxies whose events count: ours and configured ones
   */
  public ProofVerifier(EthRpc rpc, long requiredConfirmations, Collection<Address> trustedProxies) {
    if (requiredConfirmations < 1) {
      throw new IllegalArgumentException(
          "at least 1 confirmation is required, got " + requiredConfirmations);
    }
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.requiredConfirmations = requiredConfirmations;
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /** The verifier of a configured chain, through its endpoint. */
  public static ProofVerifier forChain(ChainConfig config, EthRpc rpc) {
    if (!config.id().equals(rpc.chainId())) {
      throw new IllegalArgumentException(
          "the endpoint serves chain " + rpc.chainId() + ", not chain " + config.id());
    }
    return new ProofVerifier(rpc, config.confirmations(), config.paymentProxies());
  }

  public ChainId chain() {
    return rpc.chainId();
  }

  /** Whether {@code proof} pays {@code expected}, how deep, and how final. */
  public Mono<Verification> verify(PaymentProof proof, Expectation expected) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(expected, "expected");
    Optional<Verification> early = chainMismatch(proof, expected, Optional.of(chain()));
    if (early.isPresent()) {
      return Mono.just(early.get());
    }
    return rpc.proofFacts(proof.tx())
        .flatMap(
            facts -> {
              ProofMatch match = ReceiptMatcher.match(proof, expected, facts, trustedProxies);
              if (match instanceof ProofMatch.Refused refused) {
                return Mono.just(refused.rejection());
              }
              var transfer = ((ProofMatch.Matched) match).transfer();
              return rpc.block(transfer.blockNumber(), false)
                  .map(
                      block ->
                          Finality.classify(
                              transfer,
                              block,
                              facts.latestBlock(),
                              facts.finalizedBlock(),
                              requiredConfirmations));
            });
  }

  /**
   * WRONG_CHAIN if the proof is on another chain than the invoice's asset; UNKNOWN_CHAIN if it is
   * not the chain served (empty: none is).
   */
  static Optional<Verification> chainMismatch(
      PaymentProof proof, Expectation expected, Optional<ChainId> served) {
    ChainId payable = expected.asset().chain();
    if (!proof.chain().equals(payable)) {
      return Optional.of(
          new Verification.Rejected(
              RejectionReason.WRONG_CHAIN,
              "the invoice is payable on chain "
                  + payable
                  + ", the proof names chain "
                  + proof.chain()));
    }
    if (served.filter(proof.chain()::equals).isEmpty()) {
      return Optional.of(
          new Verification.Rejected(
              RejectionReason.UNKNOWN_CHAIN,
              "this node has no JSON-RPC endpoint for chain " + proof.chain()));
    }
    return Optional.empty();
  }
}
