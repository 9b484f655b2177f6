package dev.payrelay.invoicing.domain;

import java.util.Locale;

/** How a buyer may pay an invoice (see ARCHITECTURE, "Payment methods"). */
public enum PaymentMethod {
  /** Through a payment proxy, with the invoice's payment reference; one address per store. */
  REFERENCE("reference"),
  /** A plain transfer to the invoice's own deposit address. */
  DEPOSIT_ADDRESS("deposit_address");

  private final String wireName;

  PaymentMethod(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PaymentMethod fromWire(String name) {
    for (PaymentMethod m : values()) {
      if (m.wireName.equals(name.toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new InvalidInvoiceException(
        "paymentMethods", "unknown payment method '" + name + "' (reference, deposit_address)");
  }
}
