package dev.payrelay.wallet.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.watch.PaymentObservation.Confirmed;
import dev.payrelay.wallet.watch.PaymentObservation.Finalized;
import dev.payrelay.wallet.watch.PaymentObservation.Removed;
import dev.payrelay.wallet.watch.PaymentObservation.Seen;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watcher that dies in the middle of a catch-up, and the watcher started after it from the same
 * stored cursor: nothing missed, nothing repeated, and what was being followed is still followed.
 */
class ChainWatcherRestartTest {

  private static final int PAYMENTS = 20;
  private static final int BLOCKS_PER_RANGE = 4;
  private static final int CONFIRMATIONS = 3;

  private static DevChainPayments chain;

  private final InMemoryWatchSink sink = new InMemoryWatchSink();
  private final Web3jEthRpc rpc = chain.rpc();
  private ExpectationIndex index;
  private WatchConfig config;

  @BeforeAll
  static void deploy() {
    chain = new DevChainPayments();
  }

  @BeforeEach
  void payTwentyInvoicesInTwentyBlocks() {
    index = new ExpectationIndex(chain.id);
    config =
        WatchConfig.of(chain.config(CONFIRMATIONS))
            .withStartBlock(chain.head() + 1)
            .withMaxBlocksPerRange(BLOCKS_PER_RANGE);
    RawSender sender = new RawSender(chain.chain.web3j(), DevAccount.derive(6), chain.id);
    String last = null;
    for (int i = 0; i < PAYMENTS; i++) {
      Address deposit = DevChainPayments.freshAddress();
      index.add(
          new Expectation(
              "inv-" + i, Asset.ether(chain.id), new PaymentRoute.ToDepositAddress(deposit)));
      last = sender.send(sender.sign(deposit, BigInteger.valueOf(1 + i), "0x"));
    }
    chain.chain.awaitReceipt(last);
  }

  @AfterEach
  void close() {
    rpc.close();
  }

  @Test
  void resumesAfterACrashInTheMiddleOfACatchUpWithoutMissingOrRepeating() {
    sink.dieAfter(3); // the first cursor and two ranges are committed, the third is not
    ChainWatcher first = watcher();
    assertThatThrownBy(() -> first.tickOnce().block()).hasMessageContaining("died");
    assertThat(sink.observations(Seen.class)).hasSize(2 * BLOCKS_PER_RANGE);

    sink.heal();
    watcher().tickOnce().block();

    assertExactlyOnce(Seen.class, PAYMENTS);
    assertExactlyOnce(Confirmed.class, PAYMENTS - (CONFIRMATIONS - 1));
    long head = chain.head();
    long finalized = rpc.taggedBlockNumber(EthRpc.BlockTag.FINALIZED).block().orElseThrow();
    assertExactlyOnce(Finalized.class, (int) (PAYMENTS - (head - finalized)));
    assertThat(sink.cursor(chain.id).orElseThrow().tracked())
        .extracting(t -> t.transfer().blockNumber())
        .allMatch(block -> block > finalized)
        .hasSize((int) (head - finalized));
  }

  @Test
  void followsTransfersSeenBeforeARestartUntilTheyAreFinal() {
    watcher().tickOnce().block();
    List<TrackedTransfer> pending = sink.cursor(chain.id).orElseThrow().tracked();
    assertThat(pending).isNotEmpty();

    chain.chain.mine(10);
    watcher().tickOnce().block(); // a new instance: it knows the pending ones from the cursor only

    assertExactlyOnce(Seen.class, PAYMENTS);
    assertExactlyOnce(Confirmed.class, PAYMENTS);
    assertExactlyOnce(Finalized.class, PAYMENTS);
    assertThat(sink.cursor(chain.id).orElseThrow().tracked()).isEmpty();
  }

  @Test
  void reportsAsRemovedWhatAReorgDroppedWhileTheWatcherWasDown() {
    watcher().tickOnce().block();
    List<TrackedTransfer> pending = sink.cursor(chain.id).orElseThrow().tracked();
    long head = chain.head();

    new AnvilControl(chain.chain.rpcUrl()).reorg(2, List.of(), 0);
    chain.chain.mine(1);
    watcher().tickOnce().block();

    assertThat(sink.observations(Removed.class))
        .extracting(r -> r.transfer().blockNumber())
        .containsExactlyInAnyOrder(head - 1, head);
    assertThat(sink.observations(Removed.class))
        .extracting(Removed::invoiceKey)
        .isSubsetOf(pending.stream().map(TrackedTransfer::invoiceKey).toList());
    assertExactlyOnce(Seen.class, PAYMENTS);
  }

  @Test
  void doesNotRepeatABatchWhoseCommitWasNotAcknowledged() {
    ChainWatcher watcher = watcher();
    sink.loseTheAnswerOf(2); // the first range is committed, but the watcher hears an error
    assertThatThrownBy(() -> watcher.tickOnce().block()).hasMessageContaining("lost");

    watcher.tickOnce().block();

    assertExactlyOnce(Seen.class, PAYMENTS);
  }

  private ChainWatcher watcher() {
    return new ChainWatcher(rpc, index, sink, config);
  }

  private <T extends PaymentObservation> void assertExactlyOnce(Class<T> kind, int expected) {
    List<T> found = sink.observations(kind);
    Map<Transfer.Key, Long> counts =
        found.stream()
            .collect(Collectors.groupingBy(o -> o.transfer().key(), Collectors.counting()));
    assertThat(counts).hasSize(expected);
    assertThat(counts.values()).allMatch(n -> n == 1);
    assertThat(found.stream().map(PaymentObservation::invoiceKey).collect(Collectors.toSet()))
        .hasSize(expected);
    Function<T, Long> block = o -> o.transfer().blockNumber();
    assertThat(found.stream().map(block).toList()).isSorted();
  }
}
