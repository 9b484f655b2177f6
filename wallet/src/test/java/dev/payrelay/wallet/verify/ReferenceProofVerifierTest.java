package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ChainPayments.byReference;
import static dev.payrelay.wallet.verify.ChainPayments.freshAddress;
import static dev.payrelay.wallet.verify.ChainPayments.freshReference;
import static dev.payrelay.wallet.verify.ChainPayments.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.test.StepVerifier;

/** Proofs of payments through the payment proxy, verified against anvil. */
class ReferenceProofVerifierTest {

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
  void verifiesEtherPaidThroughTheProxyWithTheAmountWithoutTheFee() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt = pay.payEtherByReference(merchant, reference, HALF_ETHER, FEE);
    Expectation expected = byReference(pay.ether, merchant, reference);

    Verification.Verified verified =
        verified(PaymentProof.of(pay.chainId, hash(receipt)), expected);

    Transfer transfer = verified.transfer();
    assertThat(transfer.amount().baseUnits()).isEqualTo(HALF_ETHER);
    assertThat(transfer.amount().toDecimalString()).isEqualTo("0.5");
    assertThat(transfer.to()).isEqualTo(merchant);
    assertThat(transfer.asset()).isEqualTo(pay.ether);
    assertThat(transfer.route()).isEqualTo(expected.route());
    assertThat(transfer.tx()).isEqualTo(hash(receipt));
    assertThat(transfer.logIndex()).isEqualTo(receipt.getLogs().get(0).getLogIndex().longValue());
    assertThat(transfer.blockNumber()).isEqualTo(receipt.getBlockNumber().longValue());
    assertThat(transfer.blockHash()).isEqualTo(receipt.getBlockHash());
    assertThat(verified.confirmations()).isEqualTo(1);
    assertThat(verified.finalized()).isFalse();
  }

  @Test
  void verifiesAnErc20PaidThroughTheProxy() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    BigInteger amount = BigInteger.valueOf(19_990_000); // 19.99 USDC
    TransactionReceipt receipt =
        pay.payTokenByReference(pay.usdc, merchant, reference, amount, FEE);

    Verification.Verified verified =
        verified(
            PaymentProof.of(pay.chainId, hash(receipt)),
            byReference(pay.usdc, merchant, reference));

    assertThat(verified.transfer().amount().toDecimalString()).isEqualTo("19.99");
    assertThat(verified.transfer().asset()).isEqualTo(pay.usdc);
    // The token's two Transfer logs come first; the proxy's event is the last log.
    assertThat(verified.transfer().logIndex())
        .isEqualTo(receipt.getLogs().get(receipt.getLogs().size() - 1).getLogIndex().longValue());
  }

  @Test
  void rejectsAPaymentWithTheReferenceToAnotherRecipient() {
    PaymentReference reference = freshReference();
    TransactionReceipt receipt =
        pay.payEtherByReference(freshAddress(), reference, HALF_ETHER, FEE);

    assertRejected(
        PaymentProof.of(pay.chainId, hash(receipt)),
        byReference(pay.ether, freshAddress(), reference),
        RejectionReason.WRONG_RECIPIENT);
  }

  @Test
  void rejectsAPaymentWithAnotherInvoicesReference() {
    Address merchant = freshAddress();
    TransactionReceipt receipt =
        pay.payEtherByReference(merchant, freshReference(), HALF_ETHER, FEE);

    assertRejected(
        PaymentProof.of(pay.chainId, hash(receipt)),
        byReference(pay.ether, merchant, freshReference()),
        RejectionReason.WRONG_REFERENCE);
  }

  @Test
  void rejectsAPaymentInAnotherAsset() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt ether = pay.payEtherByReference(merchant, reference, HALF_ETHER, FEE);
    TransactionReceipt dai =
        pay.payTokenByReference(pay.dai, merchant, reference, BigInteger.TEN, BigInteger.ZERO);

    assertRejected(
        PaymentProof.of(pay.chainId, hash(ether)),
        byReference(pay.usdc, merchant, reference),
        RejectionReason.WRONG_ASSET);
    assertRejected(
        PaymentProof.of(pay.chainId, hash(dai)),
        byReference(pay.usdc, merchant, reference),
        RejectionReason.WRONG_ASSET);
  }

  @Test
  void ignoresTheEventsOfAProxyItDoesNotTrust() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt = pay.payEtherByReference(merchant, reference, HALF_ETHER, FEE);
    ProofVerifier trustingAnother = new ProofVerifier(pay.rpc, 1, Set.of(freshAddress()));

    StepVerifier.create(
            trustingAnother.verify(
                PaymentProof.of(pay.chainId, hash(receipt)),
                byReference(pay.ether, merchant, reference)))
        .assertNext(
            v ->
                assertThat(v)
                    .isEqualTo(
                        new Verification.Rejected(
                            RejectionReason.NO_MATCHING_EVENT,
                            "the transaction has no TransferWithReferenceAndFee event of a trusted"
                                + " payment proxy; 1 from other contracts were ignored")))
        .verifyComplete();
  }

  @Test
  void considersOnlyTheLogAProofPointsAt() {
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt =
        pay.payTokenByReference(pay.usdc, merchant, reference, BigInteger.TEN, FEE);
    long tokenTransferLog = receipt.getLogs().get(0).getLogIndex().longValue();
    long proxyEventLog = receipt.getLogs().get(2).getLogIndex().longValue();
    Expectation expected = byReference(pay.usdc, merchant, reference);

    assertRejected(
        PaymentProof.of(pay.chainId, hash(receipt), tokenTransferLog),
        expected,
        RejectionReason.NO_MATCHING_EVENT);
    assertRejected(
        PaymentProof.of(pay.chainId, hash(receipt), proxyEventLog + 100),
        expected,
        RejectionReason.NO_MATCHING_EVENT);
    assertThat(
            verified(PaymentProof.of(pay.chainId, hash(receipt), proxyEventLog), expected)
                .transfer()
                .logIndex())
        .isEqualTo(proxyEventLog);
  }

  @Test
  void rejectsARevertedTransaction() {
    PaymentReference reference = freshReference();
    TransactionReceipt receipt = pay.revertedPayment(reference);
    assertThat(receipt.getStatus()).isEqualTo("0x0");

    assertRejected(
        PaymentProof.of(pay.chainId, hash(receipt)),
        byReference(pay.ether, freshAddress(), reference),
        RejectionReason.REVERTED);
  }

  @Test
  void rejectsATransactionTheChainDoesNotHave() {
    Verification.Rejected rejected =
        assertRejected(
            PaymentProof.of(pay.chainId, TxHash.of(new byte[32])),
            byReference(pay.ether, freshAddress(), freshReference()),
            RejectionReason.UNKNOWN_TRANSACTION);
    assertThat(rejected.detail()).contains("not found on chain 1337");
  }

  private static Verification.Verified verified(PaymentProof proof, Expectation expected) {
    Verification verification = ChainPayments.verifyOnce(verifier, proof, expected);
    assertThat(verification).isInstanceOf(Verification.Verified.class);
    return (Verification.Verified) verification;
  }

  private static Verification.Rejected assertRejected(
      PaymentProof proof, Expectation expected, RejectionReason reason) {
    Verification verification = ChainPayments.verifyOnce(verifier, proof, expected);
    assertThat(verification)
        .isInstanceOfSatisfying(
            Verification.Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
    return (Verification.Rejected) verification;
  }
}
