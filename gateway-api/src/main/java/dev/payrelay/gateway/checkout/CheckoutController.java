package dev.payrelay.gateway.checkout;

import dev.payrelay.gateway.error.ApiProblemException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The pay link's pages: {@code GET /pay/<token>} (server-rendered, complete without JavaScript),
 * its live status ({@code /events} as Server-Sent Events, {@code /status} as JSON for polling) and
 * its PDFs. A malformed or unknown token gets the same plain 404 page.
 */
@Controller
class CheckoutController {

  static final String NOT_FOUND = "checkout/not-found";

  /** A comment line this often keeps proxies from closing an idle status stream. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** How long a browser waits before reconnecting a closed status stream. */
  static final Duration RECONNECT = Duration.ofSeconds(3);

  private final CheckoutInvoices invoices;
  private final CheckoutViews views;
  private final CheckoutPdfs pdfs;
  private final CheckoutProperties properties;
  private final NetworkAttestations attestations;

  CheckoutController(
      CheckoutInvoices invoices,
      CheckoutViews views,
      CheckoutPdfs pdfs,
      CheckoutProperties properties,
      ObjectProvider<NetworkAttestations> attestations) {
    this.invoices = invoices;
    this.views = views;
    this.pdfs = pdfs;
    this.properties = properties;
    this.attestations = attestations.getIfAvailable(() -> NetworkAttestations.NONE);
  }

  @GetMapping(path = "/pay/{token}", produces = MediaType.TEXT_HTML_VALUE)
  Mono<Rendering> page(@PathVariable String token) {
    return invoices
        .find(token)
        .flatMap(
            checkout ->
                (checkout.payments().isEmpty()
                        ? Mono.just(List.<NetworkAttestations.Confirmation>of())
                        : attestations.of(checkout.invoice().id()))
                    .map(
                        confirmations ->
                            views.render(token, checkout, null, HttpStatus.OK, confirmations)))
        .defaultIfEmpty(notFound());
  }

  @GetMapping(path = "/pay/{token}/status", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<StatusJson>> status(@PathVariable String token) {
    return invoices
        .find(token)
        .switchIfEmpty(noSuchPayLink())
        .map(c -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StatusJson.of(c)));
  }

  /**
   * The invoice's status now and after every change, re-read every {@code status-poll-interval}
   * (the node may run as several instances, so no in-memory signal would see every change), for at
   * most {@code events-max-duration}; the browser's EventSource then reconnects by itself.
   */
  @GetMapping(path = "/pay/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Mono<ResponseEntity<Flux<ServerSentEvent<StatusJson>>>> events(@PathVariable String token) {
    return invoices
        .find(token)
        .switchIfEmpty(noSuchPayLink())
        .map(
            first ->
                ResponseEntity.ok()
                    .cacheControl(CacheControl.noStore())
                    .body(stream(token, first)));
  }

  private Flux<ServerSentEvent<StatusJson>> stream(String token, Checkout first) {
    Flux<ServerSentEvent<StatusJson>> changes =
        Flux.interval(properties.statusPollInterval())
            .onBackpressureDrop()
            .concatMap(tick -> invoices.find(token).map(StatusJson::of))
            .startWith(StatusJson.of(first))
            .distinctUntilChanged()
            .map(s -> ServerSentEvent.builder(s).event("status").retry(RECONNECT).build());
    Flux<ServerSentEvent<StatusJson>> heartbeats =
        Flux.interval(HEARTBEAT)
            .map(t -> ServerSentEvent.<StatusJson>builder().comment("").build());
    return Flux.merge(changes, heartbeats).take(properties.eventsMaxDuration());
  }

  @GetMapping(path = "/pay/{token}/invoice.pdf")
  Mono<ResponseEntity<byte[]>> invoicePdf(@PathVariable String token) {
    return invoices
        .find(token)
        .switchIfEmpty(noSuchPayLink())
        .flatMap(c -> pdf(() -> pdfs.invoice(c), c.invoice().humanNumber() + ".pdf"));
  }

  @GetMapping(path = "/pay/{token}/receipt.pdf")
  Mono<ResponseEntity<byte[]>> receiptPdf(@PathVariable String token) {
    return invoices
        .find(token)
        .switchIfEmpty(noSuchPayLink())
        .flatMap(
            c ->
                c.payments().isEmpty()
                    ? Mono.error(
                        ApiProblemException.conflict(
                            "Nothing has been paid yet, so there is no receipt."))
                    : pdf(() -> pdfs.receipt(c), "receipt-" + c.invoice().humanNumber() + ".pdf"));
  }

  static Rendering notFound() {
    return Rendering.view(NOT_FOUND).status(HttpStatus.NOT_FOUND).build();
  }

  /** The same answer for a malformed and an unknown token. */
  static <T> Mono<T> noSuchPayLink() {
    return Mono.error(() -> ApiProblemException.notFound("There is no such pay link."));
  }

  /** A PDF drawn off the event loop (PDFBox blocks while it lays out and compresses). */
  private static Mono<ResponseEntity<byte[]>> pdf(Callable<byte[]> draw, String filename) {
    return Mono.fromCallable(draw)
        .subscribeOn(Schedulers.boundedElastic())
        .map(
            body ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .cacheControl(CacheControl.noStore())
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                    .body(body));
  }
}
