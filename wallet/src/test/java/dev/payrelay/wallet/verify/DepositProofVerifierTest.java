package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ChainPayments.freshAddress;
import static dev.payrelay.wallet.verify.ChainPayments.hash;
import static dev.payrelay.wallet.verify.ChainPayments.verifyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Proofs of plain transfers to an invoice's deposit address, verified against anvil. */
class DepositProofVerifierTest {

  private static final BigInteger WEI = BigInteger.valueOf(123_456_789);
  private static final BigInteger UNITS = BigInteger.valueOf(5_000_000);

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
  void verifiesEtherSentToTheDepositAddressAsTheTransactionsValue() {
    Address deposit = freshAddress();
    TransactionReceipt receipt = pay.sendEther(deposit, WEI);

    Verification verification =
        verifyOnce(
            verifier, PaymentProof.of(pay.chainId, hash(receipt)), toDeposit(pay.ether, deposit));

    assertThat(verification)
        .isInstanceOfSatisfying(
            Verification.Verified.class,
            v -> {
              assertThat(v.transfer().logIndex()).isEqualTo(Transfer.NATIVE_VALUE);
              assertThat(v.transfer().amount().baseUnits()).isEqualTo(WEI);
              assertThat(v.transfer().to()).isEqualTo(deposit);
            });
    assertThat(
            verifyOnce(
                verifier,
                PaymentProof.of(pay.chainId, hash(receipt), Transfer.NATIVE_VALUE),
                toDeposit(pay.ether, deposit)))
        .isInstanceOf(Verification.Verified.class);
  }

  @Test
  void verifiesAnErc20TransferToTheDepositAddress() {
    Address deposit = freshAddress();
    TransactionReceipt receipt = pay.sendToken(pay.usdc, deposit, UNITS);

    Verification verification =
        verifyOnce(
            verifier, PaymentProof.of(pay.chainId, hash(receipt)), toDeposit(pay.usdc, deposit));

    assertThat(verification)
        .isInstanceOfSatisfying(
            Verification.Verified.class,
            v -> {
              assertThat(v.transfer().amount().toDecimalString()).isEqualTo("5");
              assertThat(v.transfer().logIndex())
                  .isEqualTo(receipt.getLogs().get(0).getLogIndex().longValue());
              assertThat(v.transfer().asset()).isEqualTo(pay.usdc);
            });
  }

  @Test
  void rejectsEtherSentToAnotherAddress() {
    TransactionReceipt receipt = pay.sendEther(freshAddress(), WEI);

    assertReason(receipt, toDeposit(pay.ether, freshAddress()), RejectionReason.WRONG_RECIPIENT);
  }

  @Test
  void rejectsATokenTransferToAnotherAddress() {
    TransactionReceipt receipt = pay.sendToken(pay.usdc, freshAddress(), UNITS);

    assertReason(receipt, toDeposit(pay.usdc, freshAddress()), RejectionReason.WRONG_RECIPIENT);
  }

  @Test
  void rejectsAnotherTokenOrEtherWhereATokenIsExpected() {
    Address deposit = freshAddress();
    TransactionReceipt dai = pay.sendToken(pay.dai, deposit, UNITS);
    TransactionReceipt ether = pay.sendEther(deposit, WEI);

    assertReason(dai, toDeposit(pay.usdc, deposit), RejectionReason.WRONG_ASSET);
    assertReason(ether, toDeposit(pay.usdc, deposit), RejectionReason.WRONG_ASSET);
  }

  @Test
  void rejectsATokenWhereEtherIsExpected() {
    Address deposit = freshAddress();
    TransactionReceipt receipt = pay.sendToken(pay.usdc, deposit, UNITS);

    assertReason(receipt, toDeposit(pay.ether, deposit), RejectionReason.WRONG_ASSET);
  }

  @Test
  void anEtherProofThatPointsAtALogMatchesNothing() {
    Address deposit = freshAddress();
    TransactionReceipt receipt = pay.sendEther(deposit, WEI);

    Verification verification =
        verifyOnce(
            verifier,
            PaymentProof.of(pay.chainId, hash(receipt), 0),
            toDeposit(pay.ether, deposit));

    assertThat(verification)
        .isInstanceOfSatisfying(
            Verification.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(RejectionReason.NO_MATCHING_EVENT);
              assertThat(r.detail()).contains("log index -1");
            });
  }

  private static Expectation toDeposit(Asset asset, Address deposit) {
    return new Expectation("invoice-" + deposit, asset, new PaymentRoute.ToDepositAddress(deposit));
  }

  private static void assertReason(
      TransactionReceipt receipt, Expectation expected, RejectionReason reason) {
    assertThat(verifyOnce(verifier, PaymentProof.of(pay.chainId, hash(receipt)), expected))
        .isInstanceOfSatisfying(
            Verification.Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }
}
