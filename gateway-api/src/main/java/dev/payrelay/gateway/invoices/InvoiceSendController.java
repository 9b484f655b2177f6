package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.application.Invoices;
import dev.payrelay.invoicing.email.InvoiceEmails;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/invoices/{id}/send} (scope {@code invoices:write}, idempotent): queues the
 * invoice email to the buyer again and answers {@code 202} with the invoice, its new email {@code
 * queued}. An invoice without a buyer email, one that is not OPEN, or one emailed {@link
 * InvoiceEmails#MAX_INVOICE_EMAILS_PER_INVOICE} times already answers {@code 409} {@code conflict}
 * and queues nothing.
 */
@RestController
class InvoiceSendController {

  private final InvoiceActions actions;
  private final Invoices invoices;
  private final InvoiceEmails emails;

  InvoiceSendController(InvoiceActions actions, Invoices invoices, InvoiceEmails emails) {
    this.actions = actions;
    this.invoices = invoices;
    this.emails = emails;
  }

  @PostMapping(
      path = InvoiceController.PATH + "/{invoiceId}/send",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> send(
      ServerWebExchange exchange,
      @PathVariable String invoiceId,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return actions.run(
        exchange,
        invoiceId,
        idempotencyKey,
        "send",
        HttpStatus.ACCEPTED,
        (store, id) -> emails.send(store, id).then(invoices.get(store, id)));
  }
}
