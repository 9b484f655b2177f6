package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.domain.Invoice;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/invoices/{id}/<action>} without a body ({@code void}, {@code send}): scope {@code
 * invoices:write}, the invoice id checked, run at most once per {@code Idempotency-Key}, answered
 * with the invoice; an invoice the caller's store does not have is {@code not-found}.
 */
@Component
class InvoiceActions {

  private final Access access;
  private final Idempotency idempotency;
  private final InvoiceAnswers answers;

  InvoiceActions(Access access, Idempotency idempotency, InvoiceAnswers answers) {
    this.access = access;
    this.idempotency = idempotency;
    this.answers = answers;
  }

  /**
   * @param action the last path segment, e.g. {@code void}
   * @param work (store id, invoice id) to the invoice after the action; empty if there is none
   */
  Mono<ResponseEntity<String>> run(
      ServerWebExchange exchange,
      String invoiceId,
      String idempotencyKey,
      String action,
      HttpStatus status,
      BiFunction<UUID, UUID, Mono<Invoice>> work) {
    return access
        .require(exchange, Scope.INVOICES_WRITE)
        .flatMap(
            caller -> {
              UUID id = InvoiceProblems.invoiceId(invoiceId);
              return idempotency.run(
                  caller,
                  idempotencyKey,
                  "POST",
                  InvoiceController.PATH + "/" + id + "/" + action,
                  null,
                  () ->
                      work.apply(caller.storeId(), id)
                          .switchIfEmpty(Mono.error(() -> InvoiceProblems.notFound(id)))
                          .flatMap(answers::of)
                          .map(answer -> ResponseEntity.status(status).body(answer)));
            })
        .onErrorMap(InvoiceProblems::translate);
  }
}
