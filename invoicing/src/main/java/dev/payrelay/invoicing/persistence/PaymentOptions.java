package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PaymentOption;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.Eip681;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment instructions of an invoice, one per accepted method in the merchant's order, for its
 * total: derived from the stored route, never stored themselves. No proxy fee is asked.
 */
final class PaymentOptions {

  private PaymentOptions() {}

  static List<PaymentOption> of(InvoiceRecord invoice) {
    List<PaymentOption> options = new ArrayList<>(2);
    TokenAmount amount = invoice.total();
    for (PaymentMethod method : invoice.methods()) {
      if (method == PaymentMethod.REFERENCE) {
        InvoiceRecord.Reference r = invoice.reference().orElseThrow();
        TokenAmount noFee = TokenAmount.zero(amount.asset());
        String uri =
            amount.asset() instanceof Asset.Native
                ? Eip681.proxyEtherPayment(
                    r.proxy(), r.recipient(), amount, r.reference(), noFee, Address.ZERO)
                : Eip681.proxyErc20Payment(
                    r.proxy(), r.recipient(), amount, r.reference(), noFee, Address.ZERO);
        options.add(
            new PaymentOption.ByReference(
                r.recipient(), r.proxy(), r.reference().hex(), amount, uri));
      } else {
        InvoiceRecord.Deposit d = invoice.deposit().orElseThrow();
        String uri =
            amount.asset() instanceof Asset.Native
                ? Eip681.etherTransfer(d.address(), amount)
                : Eip681.erc20Transfer(d.address(), amount);
        options.add(new PaymentOption.ToDepositAddress(d.address(), d.index(), amount, uri));
      }
    }
    return options;
  }
}
