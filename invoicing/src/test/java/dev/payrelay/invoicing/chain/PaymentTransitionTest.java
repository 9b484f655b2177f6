package dev.payrelay.invoicing.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.PaymentState;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.watch.PaymentObservation;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The payment state table: every (state, observation) pair. */
class PaymentTransitionTest {

  static final Transfer T =
      new Transfer(
          ChainId.MAINNET,
          TxHash.parse("0x" + "01".repeat(32)),
          0,
          100,
          "0x" + "02".repeat(32),
          Asset.ether(ChainId.MAINNET),
          Address.parse("0x" + "03".repeat(20)),
          TokenAmount.ofBaseUnits(Asset.ether(ChainId.MAINNET), BigInteger.TEN),
          new PaymentRoute.ToDepositAddress(Address.parse("0x" + "03".repeat(20))));

  @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
  @CsvSource({
    "NONE,      SEEN,      SEEN,      PAYMENT_DETECTED",
    "NONE,      CONFIRMED, CONFIRMED, PAYMENT_DETECTED PAYMENT_CONFIRMED",
    "NONE,      FINALIZED, FINALIZED, PAYMENT_DETECTED PAYMENT_CONFIRMED",
    "NONE,      REMOVED,   -,         ''",
    "REMOVED,   SEEN,      SEEN,      PAYMENT_DETECTED",
    "REMOVED,   CONFIRMED, CONFIRMED, PAYMENT_DETECTED PAYMENT_CONFIRMED",
    "REMOVED,   FINALIZED, FINALIZED, PAYMENT_DETECTED PAYMENT_CONFIRMED",
    "REMOVED,   REMOVED,   -,         ''",
    "SEEN,      SEEN,      SEEN,      ''",
    "SEEN,      CONFIRMED, CONFIRMED, PAYMENT_CONFIRMED",
    "SEEN,      FINALIZED, FINALIZED, PAYMENT_CONFIRMED",
    "SEEN,      REMOVED,   REMOVED,   PAYMENT_REORGED",
    "CONFIRMED, SEEN,      -,         ''",
    "CONFIRMED, CONFIRMED, -,         ''",
    "CONFIRMED, FINALIZED, FINALIZED, ''",
    "CONFIRMED, REMOVED,   REMOVED,   PAYMENT_REORGED",
    "FINALIZED, SEEN,      -,         ''",
    "FINALIZED, CONFIRMED, -,         ''",
    "FINALIZED, FINALIZED, -,         ''",
    "FINALIZED, REMOVED,   -,         ''",
  })
  void movesAPayment(String before, String observed, String next, String events) {
    Optional<PaymentTransition.Step> step =
        PaymentTransition.of(
            before.equals("NONE") ? null : PaymentState.valueOf(before), of(observed));

    if (next.equals("-")) {
      assertThat(step).isEmpty();
      return;
    }
    List<InvoiceEventType> expected =
        events.isBlank()
            ? List.of()
            : java.util.Arrays.stream(events.split(" ")).map(InvoiceEventType::valueOf).toList();
    assertThat(step).contains(new PaymentTransition.Step(PaymentState.valueOf(next), expected));
  }

  private static PaymentObservation of(String kind) {
    return switch (kind) {
      case "SEEN" -> new PaymentObservation.Seen(T, "k", 1);
      case "CONFIRMED" -> new PaymentObservation.Confirmed(T, "k", 12);
      case "FINALIZED" -> new PaymentObservation.Finalized(T, "k");
      default -> new PaymentObservation.Removed(T, "k");
    };
  }
}
