package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.domain.Invoice;
import java.util.List;
import java.util.Optional;

/** One page of invoices and the cursor of the next, if there is one. */
public record InvoicePage(List<Invoice> data, Optional<String> nextCursor) {

  public InvoicePage {
    data = List.copyOf(data);
  }
}
