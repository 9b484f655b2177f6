package dev.payrelay.gateway.invoices;

import dev.payrelay.invoicing.application.InvoicePage;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.email.InvoiceEmails;
import dev.payrelay.settlement.identity.NodeIdentity;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Invoices as the API answers them: with their pay links and the status of their emails. */
@Component
class InvoiceAnswers {

  private final PayLinks payLinks;
  private final InvoiceEmails emails;
  private final String home;

  InvoiceAnswers(PayLinks payLinks, InvoiceEmails emails, NodeIdentity identity) {
    this.payLinks = payLinks;
    this.emails = emails;
    this.home = identity.peerId().toString();
  }

  /**
   * A just created invoice: it has emails only if one was queued with it, so the lookup is skipped
   * otherwise.
   */
  Mono<InvoiceJson> ofNew(Invoice invoice, boolean emailQueued) {
    return emailQueued
        ? of(invoice)
        : Mono.just(InvoiceJson.of(invoice, payLinks, List.of(), home));
  }

  Mono<InvoiceJson> of(Invoice invoice) {
    return emails
        .statuses(invoice.storeId(), List.of(invoice.id()))
        .map(
            byId ->
                InvoiceJson.of(
                    invoice, payLinks, byId.getOrDefault(invoice.id(), List.of()), home));
  }

  /** One query for the emails of the whole page. */
  Mono<InvoiceJson.PageJson> of(InvoicePage page) {
    if (page.data().isEmpty()) {
      return Mono.just(InvoiceJson.PageJson.of(page, payLinks, Map.of(), home));
    }
    return emails
        .statuses(page.data().get(0).storeId(), page.data().stream().map(Invoice::id).toList())
        .map(byId -> InvoiceJson.PageJson.of(page, payLinks, byId, home));
  }
}
