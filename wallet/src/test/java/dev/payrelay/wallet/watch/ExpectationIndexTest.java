package dev.payrelay.wallet.watch;

import static dev.payrelay.wallet.watch.Fixtures.ETH;
import static dev.payrelay.wallet.watch.Fixtures.USDC;
import static dev.payrelay.wallet.watch.Fixtures.USDC_CONTRACT;
import static dev.payrelay.wallet.watch.Fixtures.address;
import static dev.payrelay.wallet.watch.Fixtures.block;
import static dev.payrelay.wallet.watch.Fixtures.byReference;
import static dev.payrelay.wallet.watch.Fixtures.direct;
import static dev.payrelay.wallet.watch.Fixtures.nativeTx;
import static dev.payrelay.wallet.watch.Fixtures.toDeposit;
import static dev.payrelay.wallet.watch.Fixtures.topic;
import static dev.payrelay.wallet.watch.Fixtures.viaProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExpectationIndexTest {

  private final ExpectationIndex index = new ExpectationIndex(Fixtures.CHAIN);

  @Test
  void matchesAProxyEventByReferenceTopicRecipientAndAsset() {
    Expectation usdc = byReference("inv-1", USDC, topic(1));
    index.add(usdc);

    assertThat(index.match(viaProxy(block(1), 0, USDC_CONTRACT, topic(1), 5))).contains(usdc);
    assertThat(index.match(viaProxy(block(1), 0, null, topic(1), 5))).isEmpty();
    assertThat(index.match(viaProxy(block(1), 0, USDC_CONTRACT, topic(2), 5))).isEmpty();
    Candidate toSomeoneElse =
        new Candidate.ViaProxy(
            Fixtures.tx(),
            0,
            1,
            block(1).hash(),
            USDC_CONTRACT,
            address(99),
            java.math.BigInteger.ONE,
            topic(1));
    assertThat(index.match(toSomeoneElse)).isEmpty();
  }

  @Test
  void matchesADepositByAddressAndAsset() {
    Address deposit = address(7);
    Expectation eth = toDeposit("inv-1", ETH, deposit);
    Expectation usdc = toDeposit("inv-1", USDC, deposit);
    index.add(eth);
    index.add(usdc);

    assertThat(index.match(nativeTx(block(1), deposit, 10))).contains(eth);
    assertThat(index.match(direct(block(1), 3, USDC_CONTRACT, deposit, 10))).contains(usdc);
    assertThat(index.match(direct(block(1), 3, address(5), deposit, 10))).isEmpty();
    assertThat(index.match(nativeTx(block(1), address(8), 10))).isEmpty();
  }

  @Test
  void tellsWhichKindsOfExpectationAreOpen() {
    assertThat(index.hasReferences() || index.hasNativeDeposits() || index.hasTokenDeposits())
        .isFalse();
    index.add(toDeposit("inv-1", ETH, address(1)));
    assertThat(index.hasNativeDeposits()).isTrue();
    assertThat(index.hasTokenDeposits()).isFalse();
    index.add(byReference("inv-2", USDC, topic(2)));
    assertThat(index.hasReferences()).isTrue();

    assertThat(index.removeInvoice("inv-1")).isEqualTo(1);
    assertThat(index.hasNativeDeposits()).isFalse();
    assertThat(index.remove(byReference("inv-2", USDC, topic(2)))).isTrue();
    assertThat(index.remove(byReference("inv-2", USDC, topic(2)))).isFalse();
    assertThat(index.size()).isZero();
    assertThat(index.hasReferences()).isFalse();
  }

  @Test
  void refusesTwoInvoicesExpectingTheSameAssetByTheSameRoute() {
    index.add(toDeposit("inv-1", ETH, address(1)));
    index.add(toDeposit("inv-1", ETH, address(1)));

    assertThat(index.size()).isEqualTo(1);
    assertThatThrownBy(() -> index.add(toDeposit("inv-2", ETH, address(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inv-1")
        .hasMessageContaining("inv-2");
  }

  @Test
  void refusesAnExpectationOnAnotherChain() {
    Asset otherEth = Asset.ether(ChainId.MAINNET);
    assertThatThrownBy(() -> index.add(toDeposit("inv-1", otherEth, address(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void staysConsistentUnderConcurrentAddsAndRemoves() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    IntStream.range(0, 2_000)
        .forEach(
            i ->
                pool.execute(
                    () -> {
                      Expectation e = toDeposit("inv-" + i, ETH, address(1_000 + i));
                      index.add(e);
                      if (i % 2 == 0) {
                        index.remove(e);
                      }
                    }));
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(index.size()).isEqualTo(1_000);
    assertThat(index.match(nativeTx(block(1), address(1_001), 1))).isPresent();
    assertThat(index.match(nativeTx(block(1), address(1_000), 1))).isEmpty();
  }
}
