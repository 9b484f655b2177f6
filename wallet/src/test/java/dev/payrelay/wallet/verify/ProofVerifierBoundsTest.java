package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ChainPayments.byReference;
import static dev.payrelay.wallet.verify.ChainPayments.freshAddress;
import static dev.payrelay.wallet.verify.ChainPayments.freshReference;
import static dev.payrelay.wallet.verify.ChainPayments.hash;
import static dev.payrelay.wallet.verify.ChainPayments.verifyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.rpc.RpcStats;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.test.StepVerifier;

/**
 * What one proof may cost: which proofs never reach the node, and how few requests the rest make.
 */
class ProofVerifierBoundsTest {

  private static final BigInteger HALF_ETHER =
      BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(5));
  private static final BigInteger FEE = BigInteger.valueOf(1_000);

  private static ChainPayments pay;
  private static ProofVerifier verifier;

  @BeforeAll
  static void deploy() {
    pay = new ChainPayments();
    verifier = new ProofVerifier(pay.rpc, 1, Set.of(pay.proxy));
  }

  @AfterAll
  static void close() {
    pay.close();
  }

  @Test
  void rejectsAProofOnAnotherChainWithoutAskingTheNode() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt = pay.payEtherByReference(merchant, reference, HALF_ETHER, FEE);
    long requests = pay.rpc.stats().httpRequests();

    assertRejected(
        PaymentProof.of(ChainId.MAINNET, hash(receipt)),
        byReference(pay.ether, merchant, reference),
        RejectionReason.WRONG_CHAIN);
    assertRejected(
        PaymentProof.of(ChainId.MAINNET, hash(receipt)),
        byReference(Asset.ether(ChainId.MAINNET), merchant, reference),
        RejectionReason.UNKNOWN_CHAIN);
    assertThat(pay.rpc.stats().httpRequests()).isEqualTo(requests);
  }

  @Test
  void aProofCostsOneBatchAndOneBlockLookupWhateverTheTransactionHolds() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt =
        pay.payTokenByReference(pay.usdc, merchant, reference, BigInteger.TEN, FEE);
    PaymentProof proof = PaymentProof.of(pay.chainId, hash(receipt));

    // Matched: the batch (receipt, transaction, head, finalized) and the block's canonical hash.
    assertCost(proof, byReference(pay.usdc, merchant, reference), 2);
    // Refused from the receipt alone: the batch only.
    assertCost(proof, byReference(pay.usdc, freshAddress(), reference), 1);
    assertCost(proof, byReference(pay.usdc, merchant, freshReference()), 1);
    assertCost(
        PaymentProof.of(pay.chainId, TxHash.of(new byte[32])),
        byReference(pay.usdc, merchant, reference),
        1);
  }

  private static void assertCost(PaymentProof proof, Expectation expected, long httpRequests) {
    RpcStats before = pay.rpc.stats();

    StepVerifier.create(verifier.verify(proof, expected)).expectNextCount(1).verifyComplete();

    RpcStats after = pay.rpc.stats();
    assertThat(after.httpRequests() - before.httpRequests()).isEqualTo(httpRequests);
    assertThat(after.calls("batch") - before.calls("batch")).isEqualTo(1);
    assertThat(after.calls("eth_getTransactionReceipt") - before.calls("eth_getTransactionReceipt"))
        .isEqualTo(1);
  }

  @Test
  void theNodesVerifiersRefuseAChainTheyDoNotServeAndDelegateTheOthers() {
    ProofVerifiers verifiers = new ProofVerifiers(List.of(verifier));
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt = pay.payEtherByReference(merchant, reference, HALF_ETHER, FEE);

    StepVerifier.create(
            verifiers.verify(
                PaymentProof.of(ChainId.MAINNET, hash(receipt)),
                byReference(Asset.ether(ChainId.MAINNET), merchant, reference)))
        .assertNext(
            v ->
                assertThat(v)
                    .isEqualTo(
                        new Verification.Rejected(
                            RejectionReason.UNKNOWN_CHAIN,
                            "this node has no JSON-RPC endpoint for chain 1")))
        .verifyComplete();
    StepVerifier.create(
            verifiers.verify(
                PaymentProof.of(pay.chainId, hash(receipt)),
                byReference(pay.ether, merchant, reference)))
        .assertNext(v -> assertThat(v).isInstanceOf(Verification.Verified.class))
        .verifyComplete();
  }

  private static void assertRejected(
      PaymentProof proof, Expectation expected, RejectionReason reason) {
    assertThat(verifyOnce(verifier, proof, expected))
        .isInstanceOfSatisfying(
            Verification.Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }
}
