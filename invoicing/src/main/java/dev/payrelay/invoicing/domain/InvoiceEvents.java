package dev.payrelay.invoicing.domain;

import java.util.ArrayList;
import java.util.List;

/** The invoice-level events a change of evaluation produces (payment events come with payments). */
public final class InvoiceEvents {

  private InvoiceEvents() {}

  public static List<InvoiceEventType> between(Evaluation before, Evaluation after) {
    List<InvoiceEventType> events = new ArrayList<>();
    if (before.status() != after.status()) {
      switch (after.status()) {
        case PROCESSING -> events.add(InvoiceEventType.INVOICE_PROCESSING);
        case PAID -> events.add(InvoiceEventType.INVOICE_PAID);
        case EXPIRED -> events.add(InvoiceEventType.INVOICE_EXPIRED);
        case VOID -> events.add(InvoiceEventType.INVOICE_VOIDED);
        case OPEN -> {
          // Back to OPEN after a reorg: the payment events say why.
        }
      }
    }
    if (before.exception() != after.exception()) {
      switch (after.exception()) {
        case PARTIALLY_PAID -> events.add(InvoiceEventType.INVOICE_PARTIALLY_PAID);
        case OVERPAID -> events.add(InvoiceEventType.INVOICE_OVERPAID);
        case PAID_LATE -> events.add(InvoiceEventType.INVOICE_PAID_LATE);
        case NONE, MARKED -> {
          // No event of their own.
        }
      }
    }
    return events;
  }
}
