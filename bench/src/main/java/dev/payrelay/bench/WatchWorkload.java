package dev.payrelay.bench;

import dev.payrelay.wallet.contract.FeeProxyContract;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.rpc.TestTokens;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The blocks the watcher benchmark scans: {@code blocks} real anvil blocks, each holding {@code
 * payments} payments to open invoices, the four routes in turn (ETH and the token through the proxy
 * with a reference, the token and ETH to a deposit address), and {@code noise} payments that match
 * nothing (a reference and a token transfer nobody expects).
 *
 * @param firstBlock the first block of the range
 * @param lastBlock the last one, also the chain head while the benchmark runs
 * @param paid the expectations of the paid invoices, one per payment
 */
record WatchWorkload(long firstBlock, long lastBlock, List<Expectation> paid) {

  /** The store's receiving address for the reference route. */
  static final Address MERCHANT = Address.parse("0x000000000000000000000000000000000000be4d");

  static WatchWorkload mine(BenchChain chain, int blocks, int payments, int noise, Random random) {
    List<Expectation> paid = new ArrayList<>();
    long first = chain.head() + 1;
    chain.automine(false);
    try {
      for (int b = 0; b < blocks; b++) {
        for (int i = 0; i < payments; i++) {
          paid.add(pay(chain, "paid-" + (b * payments + i), b * payments + i, random));
        }
        for (int i = 0; i < noise; i++) {
          payNobody(chain, i, random);
        }
        chain.mineBlock();
      }
    } finally {
      chain.automine(true);
    }
    long last = chain.head();
    if (last != first + blocks - 1) {
      throw new IllegalStateException("expected blocks " + first + ".." + (first + blocks - 1));
    }
    for (long n = first; n <= last; n++) {
      if (chain.transactionsIn(n) != payments + noise) {
        throw new IllegalStateException("block " + n + " has " + chain.transactionsIn(n) + " txs");
      }
    }
    return new WatchWorkload(first, last, List.copyOf(paid));
  }

  /** Payment {@code k} to a new invoice; returns what that invoice expects. */
  private static Expectation pay(BenchChain chain, String invoice, int k, Random random) {
    BigInteger amount = BigInteger.valueOf(1_000 + k);
    Asset ether = Asset.ether(chain.id);
    switch (k % 4) {
      case 0, 1 -> {
        boolean token = k % 4 == 1;
        PaymentReference reference = reference(random);
        chain.send(
            chain.proxy,
            token ? BigInteger.ZERO : amount,
            token
                ? FeeProxyContract.encodeTransferFromWithReferenceAndFee(
                    chain.token.contract(),
                    MERCHANT,
                    amount,
                    reference.bytes(),
                    BigInteger.ZERO,
                    Address.ZERO)
                : FeeProxyContract.encodeTransferWithReferenceAndFee(
                    MERCHANT, reference.bytes(), BigInteger.ZERO, Address.ZERO));
        return new Expectation(
            invoice,
            token ? chain.token : ether,
            new PaymentRoute.ByReference(MERCHANT, reference.topicHash()));
      }
      case 2 -> {
        Address deposit = address(random);
        chain.send(chain.token.contract(), BigInteger.ZERO, TestTokens.transfer(deposit, amount));
        return new Expectation(invoice, chain.token, new PaymentRoute.ToDepositAddress(deposit));
      }
      default -> {
        Address deposit = address(random);
        chain.send(deposit, amount, "0x");
        return new Expectation(invoice, ether, new PaymentRoute.ToDepositAddress(deposit));
      }
    }
  }

  private static void payNobody(BenchChain chain, int i, Random random) {
    BigInteger amount = BigInteger.valueOf(7);
    if (i % 2 == 0) {
      chain.send(
          chain.proxy,
          amount,
          FeeProxyContract.encodeTransferWithReferenceAndFee(
              MERCHANT, reference(random).bytes(), BigInteger.ZERO, Address.ZERO));
    } else {
      chain.send(
          chain.token.contract(), BigInteger.ZERO, TestTokens.transfer(address(random), amount));
    }
  }

  static PaymentReference reference(Random random) {
    byte[] bytes = new byte[PaymentReference.LENGTH];
    random.nextBytes(bytes);
    return PaymentReference.of(bytes);
  }

  static Address address(Random random) {
    byte[] bytes = new byte[Address.LENGTH];
    random.nextBytes(bytes);
    return Address.of(bytes);
  }
}
