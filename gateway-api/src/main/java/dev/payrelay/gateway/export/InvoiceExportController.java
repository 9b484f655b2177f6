package dev.payrelay.gateway.export;

import dev.payrelay.gateway.auth.Access;
import dev.payrelay.gateway.auth.Scope;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/invoices/export} (scope {@code invoices:read}): the store's invoices, or their
 * payments, as CSV, streamed row by row from the database. The literal path takes precedence over
 * {@code /v1/invoices/{invoiceId}} (Spring's path patterns prefer the more specific).
 */
@RestController
class InvoiceExportController {

  static final String PATH = "/v1/invoices/export";
  static final MediaType TEXT_CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final Access access;
  private final InvoiceExport export;

  InvoiceExportController(Access access, @Lazy DatabaseClient db) {
    this.access = access;
    this.export = new InvoiceExport(db);
  }

  @GetMapping(path = PATH, produces = "text/csv")
  Mono<ResponseEntity<Flux<String>>> export(ServerWebExchange exchange) {
    return access
        .require(exchange, Scope.INVOICES_READ)
        .map(
            caller -> {
              ExportQuery query = ExportQuery.parse(exchange.getRequest().getQueryParams());
              String file = query.payments() ? "payments.csv" : "invoices.csv";
              return ResponseEntity.ok()
                  .contentType(TEXT_CSV)
                  .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                  .body(export.lines(caller.storeId(), query));
            });
  }
}
