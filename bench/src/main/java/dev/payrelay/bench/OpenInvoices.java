package dev.payrelay.bench;

import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import dev.payrelay.wallet.watch.ExpectationIndex;
import java.util.List;
import java.util.Random;

/**
 * An {@link ExpectationIndex} of {@code size} open invoices: the paid ones, and unpaid ones in the
 * same mix of routes (a quarter each: ETH and token by reference, token and ETH to a deposit
 * address), with random references and deposit addresses.
 */
final class OpenInvoices {

  private OpenInvoices() {}

  static ExpectationIndex index(
      ChainId chain, Asset.Erc20 token, List<Expectation> paid, int size, Random random) {
    ExpectationIndex index = new ExpectationIndex(chain);
    paid.forEach(index::add);
    Asset ether = Asset.ether(chain);
    for (int k = paid.size(); k < size; k++) {
      String invoice = "open-" + k;
      Expectation e =
          switch (k % 4) {
            case 0 -> byReference(invoice, ether, random);
            case 1 -> byReference(invoice, token, random);
            case 2 -> toDeposit(invoice, token, random);
            default -> toDeposit(invoice, ether, random);
          };
      index.add(e);
    }
    if (index.size() != size) {
      throw new IllegalStateException(index.size() + " open invoices, not " + size);
    }
    return index;
  }

  private static Expectation byReference(String invoice, Asset asset, Random random) {
    return new Expectation(
        invoice,
        asset,
        new PaymentRoute.ByReference(
            WatchWorkload.MERCHANT, WatchWorkload.reference(random).topicHash()));
  }

  private static Expectation toDeposit(String invoice, Asset asset, Random random) {
    return new Expectation(
        invoice, asset, new PaymentRoute.ToDepositAddress(WatchWorkload.address(random)));
  }
}
