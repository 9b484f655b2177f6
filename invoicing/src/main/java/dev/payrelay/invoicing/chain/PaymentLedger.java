package dev.payrelay.invoicing.chain;

import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.wallet.payment.Transfer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invoice's payments while a batch is applied to it: as they were, as they are now, and the
 * payment events the changes produced, in order.
 */
final class PaymentLedger {

  /** A payment event and the payment as it stands after it. */
  record PaymentEvent(InvoiceEventType type, Payment payment) {}

  private final List<Payment> before;
  private final Map<Transfer.Key, Payment> current = new LinkedHashMap<>();
  private final List<PaymentEvent> events = new ArrayList<>();

  PaymentLedger(List<Payment> before) {
    this.before = List.copyOf(before);
    before.forEach(p -> current.put(p.key(), p));
  }

  /** The invoice's payment with this key, or null. */
  Payment get(Transfer.Key key) {
    return current.get(key);
  }

  void put(Payment payment, List<InvoiceEventType> types) {
    current.put(payment.key(), payment);
    types.forEach(type -> events.add(new PaymentEvent(type, payment)));
  }

  List<Payment> before() {
    return before;
  }

  List<Payment> current() {
    return List.copyOf(current.values());
  }

  List<PaymentEvent> events() {
    return List.copyOf(events);
  }
}
