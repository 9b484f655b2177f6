package dev.payrelay.wallet.watch;

import static dev.payrelay.wallet.watch.DevChainPayments.freshAddress;
import static dev.payrelay.wallet.watch.DevChainPayments.freshReference;
import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TxHash;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.EthRpc;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.watch.PaymentObservation.Confirmed;
import dev.payrelay.wallet.watch.PaymentObservation.Finalized;
import dev.payrelay.wallet.watch.PaymentObservation.Removed;
import dev.payrelay.wallet.watch.PaymentObservation.Seen;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The watcher against a real EVM (anvil): each payment route, confirmations, finality, reorgs. */
class ChainWatcherOnDevChainTest {

  private static final int CONFIRMATIONS = 3;
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private static DevChainPayments chain;
  private static Web3jEthRpc rpc;

  private final InMemoryWatchSink sink = new InMemoryWatchSink();
  private ExpectationIndex index;
  private ChainWatcher watcher;

  @BeforeAll
  static void deploy() {
    chain = new DevChainPayments();
    rpc = chain.rpc();
  }

  @AfterAll
  static void close() {
    rpc.close();
  }

  @BeforeEach
  void startWatching() {
    index = new ExpectationIndex(chain.id);
    WatchConfig config =
        WatchConfig.of(chain.config(CONFIRMATIONS)).withStartBlock(chain.head() + 1);
    watcher = new ChainWatcher(rpc, index, sink, config);
  }

  @Test
  void findsAPaymentByEachRoute() {
    PaymentReference tokenRef = freshReference();
    PaymentReference etherRef = freshReference();
    Address merchant = freshAddress();
    Address tokenDeposit = freshAddress();
    Address etherDeposit = freshAddress();
    Asset eth = Asset.ether(chain.id);
    index.add(
        new Expectation(
            "token-ref",
            chain.token,
            new PaymentRoute.ByReference(merchant, tokenRef.topicHash())));
    index.add(
        new Expectation(
            "ether-ref", eth, new PaymentRoute.ByReference(merchant, etherRef.topicHash())));
    index.add(
        new Expectation("token-dep", chain.token, new PaymentRoute.ToDepositAddress(tokenDeposit)));
    index.add(new Expectation("ether-dep", eth, new PaymentRoute.ToDepositAddress(etherDeposit)));

    TransactionReceipt tokenViaProxy =
        chain.payTokenViaProxy(tokenRef, merchant, BigInteger.valueOf(19_990_000));
    TransactionReceipt etherViaProxy = chain.payEtherViaProxy(etherRef, merchant, ETHER);
    TransactionReceipt tokenDirect = chain.sendToken(tokenDeposit, BigInteger.valueOf(5_000_000));
    TransactionReceipt etherDirect = chain.sendEther(etherDeposit, ETHER.divide(BigInteger.TEN));
    chain.payEtherViaProxy(freshReference(), merchant, ETHER); // nobody's reference
    chain.sendEther(freshAddress(), ETHER); // nobody's deposit address
    watcher.tickOnce().block();

    Map<String, Seen> seen =
        sink.observations(Seen.class).stream().collect(Collectors.toMap(Seen::invoiceKey, s -> s));
    assertThat(seen).containsOnlyKeys("token-ref", "ether-ref", "token-dep", "ether-dep");
    assertSeen(seen.get("token-ref"), tokenViaProxy, chain.token, merchant, 19_990_000);
    assertSeen(seen.get("ether-ref"), etherViaProxy, eth, merchant, ETHER.longValueExact());
    assertSeen(seen.get("token-dep"), tokenDirect, chain.token, tokenDeposit, 5_000_000);
    assertSeen(seen.get("ether-dep"), etherDirect, eth, etherDeposit, ETHER.longValueExact() / 10);
    assertThat(seen.get("ether-dep").transfer().logIndex()).isEqualTo(-1);
    assertThat(seen.get("token-ref").transfer().route())
        .isInstanceOf(PaymentRoute.ByReference.class);
  }

  @Test
  void countsConfirmationsBlockByBlockAndFinalizesOnlyPastTheFinalizedBlock() {
    Address deposit = freshAddress();
    index.add(
        new Expectation("inv", Asset.ether(chain.id), new PaymentRoute.ToDepositAddress(deposit)));
    long block = chain.sendEther(deposit, ETHER).getBlockNumber().longValueExact();

    watcher.tickOnce().block();
    assertThat(sink.observations())
        .singleElement()
        .isInstanceOfSatisfying(Seen.class, s -> assertThat(s.confirmations()).isEqualTo(1));
    for (int confirmations = 2; confirmations <= CONFIRMATIONS + 2; confirmations++) {
      chain.chain.mine(1);
      watcher.tickOnce().block();
      long finalized = rpc.taggedBlockNumber(EthRpc.BlockTag.FINALIZED).block().orElseThrow();
      List<Class<?>> kinds =
          sink.observations().stream().map(Object::getClass).collect(Collectors.toList());
      if (confirmations < CONFIRMATIONS) {
        assertThat(kinds).containsExactly(Seen.class);
      } else if (finalized < block) {
        assertThat(kinds).containsExactly(Seen.class, Confirmed.class);
        assertThat(sink.observations(Confirmed.class).get(0).confirmations())
            .isEqualTo(CONFIRMATIONS);
      } else {
        assertThat(kinds).containsExactly(Seen.class, Confirmed.class, Finalized.class);
        assertThat(finalized).isEqualTo(block);
      }
    }
    assertThat(sink.observations(Finalized.class)).hasSize(1);
    assertThat(sink.cursor(chain.id).orElseThrow().tracked()).isEmpty();
  }

  @Test
  void reportsAPaymentDroppedByAReorgAsRemovedAndAReminedOneAsSeenAgain() {
    Address dropped = freshAddress();
    Address moved = freshAddress();
    Asset eth = Asset.ether(chain.id);
    index.add(new Expectation("dropped", eth, new PaymentRoute.ToDepositAddress(dropped)));
    index.add(new Expectation("moved", eth, new PaymentRoute.ToDepositAddress(moved)));
    RawSender raw = new RawSender(chain.chain.web3j(), DevChainPayments.PAYER, chain.id);
    String remined = raw.sign(moved, ETHER, "0x");
    String reminedHash = raw.send(remined);
    chain.chain.awaitReceipt(reminedHash);
    chain.chain.awaitReceipt(raw.send(raw.sign(dropped, ETHER, "0x")));
    watcher.tickOnce().block();
    assertThat(sink.observations(Seen.class)).hasSize(2);
    long tip = chain.head();

    new AnvilControl(chain.chain.rpcUrl()).reorg(2, List.of(remined), 1);
    chain.chain.mine(1);
    watcher.tickOnce().block();

    assertThat(sink.observations(Removed.class))
        .extracting(Removed::invoiceKey)
        .containsExactlyInAnyOrder("dropped", "moved");
    List<Seen> seen = sink.observations(Seen.class);
    assertThat(seen).extracting(Seen::invoiceKey).containsExactly("moved", "dropped", "moved");
    Seen again = seen.get(2);
    assertThat(again.transfer().tx()).isEqualTo(TxHash.parse(reminedHash));
    assertThat(again.transfer().blockNumber()).isEqualTo(tip);
    assertThat(again.transfer().blockHash()).isNotEqualTo(seen.get(0).transfer().blockHash());
    assertThat(sink.cursor(chain.id).orElseThrow().tracked())
        .extracting(TrackedTransfer::invoiceKey)
        .containsExactly("moved");
  }

  private static void assertSeen(
      Seen seen, TransactionReceipt receipt, Asset asset, Address to, long amount) {
    assertThat(seen.transfer().tx()).isEqualTo(TxHash.parse(receipt.getTransactionHash()));
    assertThat(seen.transfer().blockNumber()).isEqualTo(receipt.getBlockNumber().longValueExact());
    assertThat(seen.transfer().blockHash()).isEqualTo(receipt.getBlockHash());
    assertThat(seen.transfer().asset()).isEqualTo(asset);
    assertThat(seen.transfer().to()).isEqualTo(to);
    assertThat(seen.transfer().amount().baseUnits()).isEqualTo(amount);
    assertThat(seen.transfer().chain()).isEqualTo(chain.id);
  }
}
