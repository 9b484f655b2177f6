package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Caller;
import dev.payrelay.gateway.auth.Scope;
import dev.payrelay.gateway.idempotency.Idempotency;
import dev.payrelay.invoicing.application.CreateInvoice;
import dev.payrelay.invoicing.application.Invoices;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/invoices}: create (scope {@code invoices:write}, under an {@code Idempotency-Key}),
 * read, list, void ({@code invoices:write}, idempotent too) and the payments of an invoice. Access
 * first, then the input, then the use case ({@link Invoices}), restricted to the caller's store:
 * another store's invoice is "not found".
 */
@RestController
class InvoiceController {

  static final String PATH = "/v1/invoices";

  private final Access access;
  private final Idempotency idempotency;
  private final Invoices invoices;
  private final InvoiceAnswers answers;
  private final InvoiceActions actions;
  private final JsonMapper json;

  InvoiceController(
      Access access,
      Idempotency idempotency,
      Invoices invoices,
      InvoiceAnswers answers,
      InvoiceActions actions,
      JsonMapper json) {
    this.access = access;
    this.idempotency = idempotency;
    this.invoices = invoices;
    this.answers = answers;
    this.actions = actions;
    this.json = json;
  }

  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> create(
      ServerWebExchange exchange,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
      @RequestBody Mono<JsonNode> body) {
    return access
        .require(exchange, Scope.INVOICES_WRITE)
        .flatMap(caller -> body.flatMap(request -> create(caller, idempotencyKey, request)))
        .onErrorMap(InvoiceProblems::translate);
  }

  private Mono<ResponseEntity<String>> create(Caller caller, String idempotencyKey, JsonNode tree) {
    InvoiceCreateJson request = CreateBodies.read(json, tree);
    CreateInvoice command = CreateRequests.toCommand(caller.storeId(), tree, request);
    return idempotency.run(
        caller,
        idempotencyKey,
        "POST",
        PATH,
        tree,
        () ->
            invoices
                .create(command)
                .flatMap(
                    invoice ->
                        answers
                            .ofNew(invoice, command.send())
                            .map(
                                answer ->
                                    ResponseEntity.created(URI.create(PATH + "/" + invoice.id()))
                                        .body(answer))));
  }

  @GetMapping(path = PATH + "/{invoiceId}", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<InvoiceJson> get(ServerWebExchange exchange, @PathVariable String invoiceId) {
    return access
        .require(exchange, Scope.INVOICES_READ)
        .flatMap(
            caller -> {
              UUID id = InvoiceProblems.invoiceId(invoiceId);
              return invoices
                  .get(caller.storeId(), id)
                  .switchIfEmpty(Mono.error(() -> InvoiceProblems.notFound(id)));
            })
        .flatMap(answers::of)
        .onErrorMap(InvoiceProblems::translate);
  }

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<InvoiceJson.PageJson> list(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.INVOICES_READ)
        .flatMap(
            caller ->
                invoices.list(
                    caller.storeId(), ListQueries.parse(exchange.getRequest().getQueryParams())))
        .flatMap(answers::of)
        .onErrorMap(InvoiceProblems::translate);
  }

  @PostMapping(path = PATH + "/{invoiceId}/void", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> voidInvoice(
      ServerWebExchange exchange,
      @PathVariable String invoiceId,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    return actions.run(
        exchange, invoiceId, idempotencyKey, "void", HttpStatus.OK, invoices::voidInvoice);
  }

  @GetMapping(path = PATH + "/{invoiceId}/payments", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<PaymentJson.ListJson> payments(ServerWebExchange exchange, @PathVariable String invoiceId) {
    return access
        .require(exchange, Scope.INVOICES_READ)
        .flatMap(
            caller -> {
              UUID id = InvoiceProblems.invoiceId(invoiceId);
              return invoices
                  .get(caller.storeId(), id)
                  .flatMap(
                      invoice ->
                          invoices
                              .payments(caller.storeId(), id)
                              .map(paid -> PaymentJson.ListJson.of(invoice, paid)))
                  .switchIfEmpty(Mono.error(() -> InvoiceProblems.notFound(id)));
            })
        .onErrorMap(InvoiceProblems::translate);
  }
}
