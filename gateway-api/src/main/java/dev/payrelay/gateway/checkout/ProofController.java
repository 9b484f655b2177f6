package dev.payrelay.gateway.checkout;

import dev.payrelay.gateway.checkout.ProofOutcome.Result;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.ProblemType;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * "I have paid, here is my transaction hash". The page's form (no JavaScript needed) posts to the
 * page itself, {@code POST /pay/<token>}, and gets the page back with a message; the JSON API
 * {@code POST /pay/<token>/proof} (the wallet button, any script) answers the outcome, or a problem
 * that says why nothing changed. Both are rate-limited per client.
 */
@Controller
class ProofController {

  /** The field the form and the JSON body carry. */
  static final String FIELD = "txHash";

  private final CheckoutInvoices invoices;
  private final ProofSubmission submission;
  private final ProofRateLimiter limiter;
  private final CheckoutViews views;

  ProofController(
      CheckoutInvoices invoices,
      ProofSubmission submission,
      ProofRateLimiter limiter,
      CheckoutViews views) {
    this.invoices = invoices;
    this.submission = submission;
    this.limiter = limiter;
    this.views = views;
  }

  /** The contract's {@code CheckoutProofRequest}. */
  record ProofRequest(String txHash) {}

  /** The contract's {@code CheckoutProofResult}. */
  record ProofAnswer(String outcome, String message, StatusJson status) {}

  @PostMapping(
      path = "/pay/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  Mono<Rendering> form(@PathVariable String token, ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              String txHash = Optional.ofNullable(form.getFirst(FIELD)).orElse("");
              return invoices
                  .find(token)
                  .flatMap(
                      checkout ->
                          run(exchange, token, checkout, txHash)
                              .flatMap(
                                  outcome ->
                                      invoices
                                          .find(token)
                                          .defaultIfEmpty(checkout)
                                          .map(
                                              now ->
                                                  views.render(
                                                      token,
                                                      now,
                                                      ProofNotice.of(outcome, txHash),
                                                      outcome.result().status()))))
                  .defaultIfEmpty(CheckoutController.notFound());
            });
  }

  @PostMapping(
      path = "/pay/{token}/proof",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<ProofAnswer>> json(
      @PathVariable String token,
      @RequestBody Mono<ProofRequest> body,
      ServerWebExchange exchange) {
    return body.flatMap(
        request ->
            invoices
                .find(token)
                .switchIfEmpty(CheckoutController.noSuchPayLink())
                .flatMap(
                    checkout ->
                        run(exchange, token, checkout, request.txHash())
                            .flatMap(outcome -> answer(token, checkout, outcome))));
  }

  private Mono<ProofOutcome> run(
      ServerWebExchange exchange, String token, Checkout checkout, String txHash) {
    Optional<Duration> wait = limiter.acquire(ProofRateLimiter.client(exchange));
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
      return Mono.just(ProofOutcome.of(Result.RATE_LIMITED, ProofMessages.rateLimited(seconds)));
    }
    return submission.submit(token, checkout, txHash);
  }

  private Mono<ResponseEntity<ProofAnswer>> answer(
      String token, Checkout before, ProofOutcome outcome) {
    switch (outcome.result()) {
      case VERIFIED:
      case PENDING:
      case ALREADY_RECORDED:
        return invoices
            .find(token)
            .defaultIfEmpty(before)
            .map(
                now ->
                    ResponseEntity.status(outcome.result().status())
                        .body(
                            new ProofAnswer(
                                outcome.code(), outcome.message(), StatusJson.of(now))));
      case MALFORMED:
        return Mono.error(ApiProblemException.invalidField(FIELD, outcome.message()));
      case CLOSED:
        return Mono.error(ApiProblemException.conflict(outcome.message()));
      case UNAVAILABLE:
        return Mono.error(new ApiProblemException(ProblemType.UNAVAILABLE, outcome.message()));
      case RATE_LIMITED:
        return Mono.error(new ApiProblemException(ProblemType.RATE_LIMITED, outcome.message()));
      case REJECTED:
      default:
        return Mono.error(new ApiProblemException(ProblemType.PROOF_REJECTED, outcome.message()));
    }
  }
}
