package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.ExceptionStatus;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.PaymentState;
import java.util.Locale;

/** Enumerations as the schema stores them: lower-case words ({@code partially_paid}). */
final class Wire {

  private Wire() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static InvoiceStatus status(String stored) {
    return InvoiceStatus.valueOf(stored.toUpperCase(Locale.ROOT));
  }

  static ExceptionStatus exception(String stored) {
    return ExceptionStatus.valueOf(stored.toUpperCase(Locale.ROOT));
  }

  static PaymentState paymentState(String stored) {
    return PaymentState.valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
