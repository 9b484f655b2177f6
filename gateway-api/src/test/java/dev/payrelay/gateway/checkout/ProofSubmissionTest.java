package dev.payrelay.gateway.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.gateway.checkout.ProofOutcome.Result;
import dev.payrelay.invoicing.chain.ObservationApplier;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.rpc.RpcSettings;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.verify.ProofVerifier;
import dev.payrelay.wallet.verify.ProofVerifiers;
import dev.payrelay.wallet.verify.RejectionReason;
import dev.payrelay.wallet.verify.Verification;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a proof answers before anything is applied: a malformed hash, a void invoice, a chain that
 * does not answer. The applier here counts calls, to show that none of these reaches it.
 */
class ProofSubmissionTest {

  static final ChainId CHAIN = ChainId.of(1337);
  static final String HASH = "0x" + "ab".repeat(32);

  final AtomicInteger applied = new AtomicInteger();
  final ObservationApplier counting =
      (batch, db) -> reactor.core.publisher.Mono.fromRunnable(applied::incrementAndGet);

  @Test
  void aChainThatDoesNotAnswerIsUnavailableNotARejection() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Web3jEthRpc rpc =
        Web3jEthRpc.create(
            RpcSettings.of("http://127.0.0.1:" + closedPort, CHAIN)
                .withPerCallTimeout(Duration.ofMillis(500))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10), 0));
    try {
      ProofSubmission submission = submission(new ProofVerifier(rpc, 1, List.of()));
      ProofOutcome outcome =
          submission.submit("t", checkout(Optional.empty()), HASH).block(Duration.ofSeconds(30));
      assertThat(outcome.result()).isEqualTo(Result.UNAVAILABLE);
      assertThat(outcome.message()).contains("cannot reach chain 1337", "Nothing is lost");
      assertThat(applied).hasValue(0);
    } finally {
      rpc.close();
    }
  }

  @Test
  void aMalformedHashOrAVoidInvoiceIsAnsweredWithoutAskingTheChain() {
    ProofSubmission submission = submission();
    for (String bad :
        new String[] {"", "0x12", HASH + "00", "ab".repeat(32), "0x" + "zz".repeat(32)}) {
      assertThat(submission.submit("t", checkout(Optional.empty()), bad).block().result())
          .as(bad)
          .isEqualTo(Result.MALFORMED);
    }
    ProofOutcome closed =
        submission.submit("t", checkout(Optional.of(Instant.now())), HASH).block();
    assertThat(closed.result()).isEqualTo(Result.CLOSED);
    assertThat(applied).hasValue(0);
  }

  @Test
  void theMostTellingRejectionIsAnswered() {
    Verification none = new Verification.Rejected(RejectionReason.NO_MATCHING_EVENT, "none");
    Verification wrong = new Verification.Rejected(RejectionReason.WRONG_ASSET, "ETH");
    assertThat(ProofSubmission.best(List.of(none, wrong))).isEqualTo(wrong);
    assertThat(ProofSubmission.best(List.of(wrong, none))).isEqualTo(wrong);
    assertThat(ProofSubmission.best(List.of(none))).isEqualTo(none);
  }

  private ProofSubmission submission(ProofVerifier... verifiers) {
    return new ProofSubmission(new ProofVerifiers(List.of(verifiers)), counting, null, null, null);
  }

  /** An open ETH invoice payable to a deposit address, void if {@code voidedAt}. */
  static Checkout checkout(Optional<Instant> voidedAt) {
    Asset ether = Asset.ether(CHAIN);
    TokenAmount total = TokenAmount.ofBaseUnits(ether, BigInteger.TEN);
    TokenAmount zero = TokenAmount.zero(ether);
    Instant now = Instant.parse("2026-11-22T06:00:00Z");
    Address deposit = Address.parse("0x3333333333333333333333333333333333333333");
    Invoice invoice =
        new Invoice(
            UUID.randomUUID(),
            UUID.randomUUID(),
            1,
            ether,
            new Totals(List.of(), total, zero, zero, total),
            new Invoice.Buyer(null, null),
            null,
            null,
            Map.of(),
            List.of(new PaymentOption.ToDepositAddress(deposit, 0, total, "ethereum:x")),
            "t".repeat(32),
            now,
            now.plusSeconds(3600),
            voidedAt,
            new Evaluation(
                voidedAt.isPresent() ? InvoiceStatus.VOID : InvoiceStatus.OPEN,
                ExceptionStatus.NONE,
                zero,
                zero,
                total),
            now);
    return new Checkout("Shop", invoice, List.of());
  }
}
