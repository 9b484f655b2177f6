package dev.payrelay.wallet.verify;

import static dev.payrelay.wallet.verify.ChainPayments.byReference;
import static dev.payrelay.wallet.verify.ChainPayments.freshAddress;
import static dev.payrelay.wallet.verify.ChainPayments.freshReference;
import static dev.payrelay.wallet.verify.ChainPayments.hash;
import static dev.payrelay.wallet.verify.ChainPayments.verifyOnce;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.rpc.EthRpc.BlockTag;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.RpcUnavailableException;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import reactor.test.StepVerifier;

/** How deep and how final a verified payment is, block by block on anvil. */
class ProofConfirmationsTest {

  /** Enough single blocks for anvil's finalized tag (two slots per epoch) to pass any block. */
  private static final int MAX_BLOCKS_TO_FINALITY = 64;

  private static final Duration BOUND = Duration.ofSeconds(10);

  private static ChainPayments pay;

  @BeforeAll
  static void deploy() {
    pay = new ChainPayments();
  }

  @AfterAll
  static void close() {
    pay.close();
  }

  @Test
  void isPendingUntilTheRequiredConfirmationsAndThenVerified() {
    ProofVerifier verifier = new ProofVerifier(pay.rpc, 3, Set.of(pay.proxy));
    Address merchant = freshAddress();
    PaymentReference reference = freshReference();
    TransactionReceipt receipt =
        pay.payEtherByReference(merchant, reference, BigInteger.TEN, BigInteger.ZERO);
    PaymentProof proof = PaymentProof.of(pay.chainId, hash(receipt));
    Expectation expected = byReference(pay.ether, merchant, reference);

    assertThat(verifyOnce(verifier, proof, expected))
        .isInstanceOfSatisfying(
            Verification.Pending.class,
            p -> {
              assertThat(p.confirmations()).isEqualTo(1);
              assertThat(p.required()).isEqualTo(3);
            });
    pay.chain.mine(1);
    assertThat(verifyOnce(verifier, proof, expected))
        .isInstanceOfSatisfying(
            Verification.Pending.class, p -> assertThat(p.confirmations()).isEqualTo(2));
    pay.chain.mine(1);
    assertThat(verifyOnce(verifier, proof, expected))
        .isInstanceOfSatisfying(
            Verification.Verified.class, v -> assertThat(v.confirmations()).isEqualTo(3));
  }

  @Test
  void reportsFinalizedOnlyOnceTheFinalizedTagPassesTheBlock() {
    // A policy no dev-chain test reaches: only finality can make this payment count.
    ProofVerifier verifier = new ProofVerifier(pay.rpc, 10_000, Set.of(pay.proxy));
    Address deposit = freshAddress();
    TransactionReceipt receipt = pay.sendEther(deposit, BigInteger.TEN);
    long block = receipt.getBlockNumber().longValueExact();
    PaymentProof proof = PaymentProof.of(pay.chainId, hash(receipt));
    Expectation expected =
        new Expectation(
            "invoice-final",
            pay.ether,
            new dev.payrelay.wallet.payment.PaymentRoute.ToDepositAddress(deposit));

    int pendingSeen = 0;
    boolean flipped = false;
    for (int i = 0; i < MAX_BLOCKS_TO_FINALITY && !flipped; i++) {
      Optional<Long> finalizedTag = pay.rpc.taggedBlockNumber(BlockTag.FINALIZED).block(BOUND);
      boolean tagPassed = finalizedTag.filter(f -> f >= block).isPresent();
      Verification verification = verifyOnce(verifier, proof, expected);
      if (tagPassed) {
        assertThat(verification)
            .isInstanceOfSatisfying(
                Verification.Verified.class, v -> assertThat(v.finalized()).isTrue());
        flipped = true;
      } else {
        assertThat(verification).isInstanceOf(Verification.Pending.class);
        pendingSeen++;
        pay.chain.mine(1);
      }
    }

    assertThat(pendingSeen).isPositive();
    assertThat(flipped).as("finalized within %d blocks", MAX_BLOCKS_TO_FINALITY).isTrue();
  }

  @Test
  void aNodeThatIsDownIsAnErrorNotARejection() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RpcSettings settings =
        RpcSettings.of("http://127.0.0.1:" + closedPort, pay.chainId)
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20), 0);
    try (Web3jEthRpc down = Web3jEthRpc.create(settings)) {
      ProofVerifier verifier = new ProofVerifier(down, 1, Set.of(pay.proxy));

      StepVerifier.create(
              verifier.verify(
                  PaymentProof.of(pay.chainId, dev.payrelay.wallet.core.TxHash.of(new byte[32])),
                  byReference(pay.ether, freshAddress(), freshReference())))
          .expectError(RpcUnavailableException.class)
          .verify(BOUND);
    }
  }
}
