package dev.payrelay.wallet.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.payment.Transfer;
import dev.payrelay.wallet.rpc.Web3jEthRpc;
import dev.payrelay.wallet.testing.DevAccount;
import dev.payrelay.wallet.watch.PaymentObservation.Seen;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;

/**
 * 1,000 transfers of the three kinds the watcher reads (token transfers and ETH to deposit
 * addresses, ETH through the proxy with a reference) in 50 blocks of 20: all found exactly once,
 * and the RPC calls are the same with 10 open invoices as with 1,000.
 */
class ChainWatcherScaleTest {

  private static final int BLOCKS = 50;
  private static final int PER_BLOCK = 20;
  private static final int TRANSFERS = BLOCKS * PER_BLOCK;

  private static DevChainPayments chain;
  private static final List<Expectation> expectations = new ArrayList<>();
  private static long firstBlock;

  @BeforeAll
  static void fillFiftyBlocks() {
    chain = new DevChainPayments();
    Address merchant = DevChainPayments.freshAddress();
    RawSender sender = new RawSender(chain.chain.web3j(), DevAccount.derive(5), chain.id);
    AnvilControl anvil = new AnvilControl(chain.chain.rpcUrl());
    firstBlock = chain.head() + 1;
    anvil.automine(false);
    try {
      for (int b = 0; b < BLOCKS; b++) {
        for (int i = 0; i < PER_BLOCK; i++) {
          sender.send(payment(sender, merchant, b * PER_BLOCK + i));
        }
        anvil.mine(1);
      }
    } finally {
      anvil.automine(true);
    }
    for (long n = firstBlock; n < firstBlock + BLOCKS; n++) {
      assertThat(transactionsIn(n)).isEqualTo(PER_BLOCK);
    }
  }

  /** Payment {@code k}: 3 in 5 are token transfers, 1 ETH to a deposit, 1 ETH through the proxy. */
  private static String payment(RawSender sender, Address merchant, int k) {
    String invoice = "inv-" + k;
    BigInteger amount = BigInteger.valueOf(1_000 + k);
    Address deposit = DevChainPayments.freshAddress();
    switch (k % 5) {
      case 3 -> {
        expectations.add(deposit(invoice, Asset.ether(chain.id), deposit));
        return sender.sign(deposit, amount, "0x");
      }
      case 4 -> {
        PaymentReference reference = DevChainPayments.freshReference();
        expectations.add(
            new Expectation(
                invoice,
                Asset.ether(chain.id),
                new PaymentRoute.ByReference(merchant, reference.topicHash())));
        return sender.sign(
            chain.proxy,
            amount,
            dev.payrelay.wallet.contract.FeeProxyContract.encodeTransferWithReferenceAndFee(
                merchant, reference.bytes(), BigInteger.ZERO, Address.ZERO));
      }
      default -> {
        expectations.add(deposit(invoice, chain.token, deposit));
        return sender.sign(
            chain.token.contract(), BigInteger.ZERO, DevChainPayments.mintCall(deposit, amount));
      }
    }
  }

  @Test
  void findsAThousandTransfersExactlyOnceWithCallsPerBlockIndependentOfOpenInvoices() {
    Scan all = scan(expectations);
    Scan few = scan(expectations.subList(0, 10));

    assertThat(all.seen).hasSize(TRANSFERS);
    assertThat(all.seen.stream().map(s -> s.transfer().key()).distinct()).hasSize(TRANSFERS);
    Map<String, Transfer> byInvoice =
        all.seen.stream().collect(Collectors.toMap(Seen::invoiceKey, Seen::transfer));
    assertThat(byInvoice).hasSize(TRANSFERS);
    for (int k = 0; k < TRANSFERS; k++) {
      Transfer t = byInvoice.get("inv-" + k);
      assertThat(t.amount().baseUnits()).isEqualTo(1_000 + k);
      assertThat(t.blockNumber()).isEqualTo(firstBlock + k / PER_BLOCK);
    }
    assertThat(few.seen).hasSize(10);
    assertThat(few.calls).isEqualTo(all.calls);
    long total = all.calls.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "watcher RPC calls for %d blocks: %s, %.2f per block, with 10 and with %d open invoices%n",
        BLOCKS, all.calls, (double) total / BLOCKS, TRANSFERS);
  }

  private record Scan(List<Seen> seen, Map<String, Long> calls) {}

  private static Scan scan(List<Expectation> open) {
    ExpectationIndex index = new ExpectationIndex(chain.id);
    open.forEach(index::add);
    InMemoryWatchSink sink = new InMemoryWatchSink();
    try (Web3jEthRpc rpc = chain.rpc()) {
      WatchConfig config = WatchConfig.of(chain.config(12)).withStartBlock(firstBlock);
      new ChainWatcher(rpc, index, sink, config).tickOnce().block();
      assertThat(sink.cursor(chain.id).orElseThrow().checkpoint().number())
          .isEqualTo(firstBlock + BLOCKS - 1);
      return new Scan(sink.observations(Seen.class), Map.copyOf(rpc.stats().callsByMethod()));
    }
  }

  private static int transactionsIn(long block) {
    try {
      return chain
          .chain
          .web3j()
          .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), false)
          .send()
          .getBlock()
          .getTransactions()
          .size();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Expectation deposit(String invoice, Asset asset, Address to) {
    return new Expectation(invoice, asset, new PaymentRoute.ToDepositAddress(to));
  }
}
