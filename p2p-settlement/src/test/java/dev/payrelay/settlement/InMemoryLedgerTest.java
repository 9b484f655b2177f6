package dev.payrelay.settlement;

import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.math.BigInteger;
import java.util.UUID;

class InMemoryLedgerTest extends InvoiceLedgerContract {
  private final InMemoryLedger ledger = new InMemoryLedger();

  @Override
  protected InvoiceLedger ledger() {
    return ledger;
  }

  @Override
  protected UUID openInvoice(Address depositAddress, BigInteger total) {
    UUID id = UUID.randomUUID();
    ledger.add(
        id,
        new Expectation(
            id.toString(), Asset.ether(chain()), new PaymentRoute.ToDepositAddress(depositAddress)),
        total);
    return id;
  }
}
