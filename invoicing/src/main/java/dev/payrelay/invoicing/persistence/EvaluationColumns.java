package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.Evaluation;

/** Binds the persisted evaluation of an invoice: its status, exception and amounts. */
final class EvaluationColumns {

  private EvaluationColumns() {}

  static Nullable bind(Nullable spec, InvoiceRecord invoice) {
    Evaluation e = invoice.evaluation();
    return spec.bind("status", Wire.of(e.status()))
        .bind("exception", Wire.of(e.exception()))
        .bind("seen", InvoiceRows.units(e.amountSeen()))
        .bind("confirmed", InvoiceRows.units(e.amountConfirmed()))
        .bind("due", InvoiceRows.units(e.amountDue()))
        .bind("updatedAt", invoice.updatedAt());
  }
}
