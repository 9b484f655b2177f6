package dev.payrelay.wallet.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.protocol.core.methods.response.EthBlock;

class FinalityTest {

  private static final String HASH = "0x" + "ab".repeat(32);
  private static final Asset ETH = Asset.ether(ChainId.of(1337));
  private static final Transfer AT_100 =
      new Transfer(
          ChainId.of(1337),
          TxHash.of(new byte[32]),
          Transfer.NATIVE_VALUE,
          100,
          HASH,
          ETH,
          Address.ZERO,
          TokenAmount.ofBaseUnits(ETH, BigInteger.ONE),
          new PaymentRoute.ToDepositAddress(Address.ZERO));

  @ParameterizedTest
  @CsvSource({
    "100, 1, Pending",
    "101, 2, Pending",
    "102, 3, Verified",
    "200, 101, Verified",
    "99, 0, Pending"
  })
  void countsTheTransfersBlockAsTheFirstConfirmation(long latest, long confirmations, String kind) {
    Verification v = Finality.classify(AT_100, block(HASH), latest, Optional.of(0L), 3);

    assertThat(v.getClass().getSimpleName()).isEqualTo(kind);
    long counted =
        v instanceof Verification.Verified verified
            ? verified.confirmations()
            : ((Verification.Pending) v).confirmations();
    assertThat(counted).isEqualTo(confirmations);
  }

  @Test
  void aFinalizedTransferCountsWhateverThePolicy() {
    assertThat(Finality.classify(AT_100, block(HASH), 101, Optional.of(100L), 12))
        .isEqualTo(new Verification.Verified(AT_100, 2, true));
    assertThat(Finality.classify(AT_100, block(HASH), 101, Optional.of(99L), 12))
        .isEqualTo(new Verification.Pending(AT_100, 2, 12));
    assertThat(Finality.classify(AT_100, block(HASH), 200, Optional.empty(), 12))
        .isEqualTo(new Verification.Verified(AT_100, 101, false));
  }

  @Test
  void aBlockReplacedByAReorgIsNotCanonical() {
    assertThat(Finality.classify(AT_100, block("0x" + "cd".repeat(32)), 200, Optional.empty(), 1))
        .isInstanceOfSatisfying(
            Verification.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CANONICAL);
              assertThat(r.detail()).contains("0x" + "cd".repeat(32));
            });
    assertThat(Finality.classify(AT_100, Optional.empty(), 200, Optional.empty(), 1))
        .isInstanceOfSatisfying(
            Verification.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectionReason.NOT_CANONICAL));
  }

  private static Optional<EthBlock.Block> block(String hash) {
    EthBlock.Block block = new EthBlock.Block();
    block.setHash(hash);
    block.setNumber("0x64");
    return Optional.of(block);
  }
}
