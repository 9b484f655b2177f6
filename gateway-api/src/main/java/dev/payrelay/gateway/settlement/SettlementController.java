package dev.payrelay.gateway.settlement;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.checkout.ProofRateLimiter;
import dev.payrelay.gateway.error.ApiProblemException;
import dev.payrelay.gateway.error.ProblemType;
import dev.payrelay.settlement.ProofOutcome;
import dev.payrelay.settlement.message.InvoiceRef;
import dev.payrelay.settlement.message.PaymentProofMessage;
import dev.payrelay.settlement.network.SettlementNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The settlement network's public face: {@code POST /v1/proofs} takes a payment proof for any
 * invoice of the network (validated here as gossip would be, then settled, relayed or kept for the
 * home node's sync), and {@code GET /v1/receipts/{invoiceRef}} shows the receipt this node holds,
 * with its attestations. Both are public: a proof names a public transaction, and a receipt is
 * gossiped to every node anyway. Proofs are rate-limited per client, as each may cost JSON-RPC
 * calls; submitting one twice is harmless (the answer says {@code duplicate}).
 */
@RestController
@ConditionalOnProperty(
    name = "payrelay.network.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SettlementController {
  static final String PROOFS = "/v1/proofs";

  private final SettlementNode node;
  private final Chains chains;
  private final ProofRateLimiter limiter;

  SettlementController(
      SettlementNode node, Chains chains, NetworkProperties properties, Clock clock) {
    this.node = node;
    this.chains = chains;
    this.limiter = new ProofRateLimiter(clock, properties.proofsPerMinute(), Duration.ofMinutes(1));
  }

  @PostMapping(
      path = PROOFS,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<SettlementJson.ProofAnswer>> submit(
      ServerWebExchange exchange, @RequestBody(required = false) Mono<ProofRequests.Submit> body) {
    Optional<Duration> wait = limiter.acquire(ProofRateLimiter.client(exchange));
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      return Mono.error(
          new ApiProblemException(
                  ProblemType.RATE_LIMITED,
                  "Too many proofs from this address; try again in " + seconds + " s.")
              .withHeader("Retry-After", Long.toString(seconds)));
    }
    return body.switchIfEmpty(
            Mono.error(
                () ->
                    new ApiProblemException(
                        ProblemType.VALIDATION, "A JSON body with the proof is required.")))
        .map(submitted -> ProofRequests.parse(submitted, chains))
        .flatMap(this::submit);
  }

  private Mono<ResponseEntity<SettlementJson.ProofAnswer>> submit(PaymentProofMessage proof) {
    InvoiceRef invoice = proof.invoice();
    return node.engine()
        .submit(proof)
        .flatMap(
            outcome -> {
              if (outcome instanceof ProofOutcome.Rejected rejected) {
                return Mono.error(
                    new ApiProblemException(ProblemType.PROOF_REJECTED, rejected.why()));
              }
              if (outcome instanceof ProofOutcome.Refused refused) {
                return Mono.error(
                    new ApiProblemException(ProblemType.PROOF_REJECTED, refused.why()));
              }
              HttpStatus status =
                  outcome instanceof ProofOutcome.Settled ? HttpStatus.OK : HttpStatus.ACCEPTED;
              return Mono.just(
                  ResponseEntity.status(status).body(SettlementJson.answer(invoice, outcome)));
            });
  }

  @GetMapping(path = "/v1/receipts/{invoiceRef}", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<SettlementJson.ReceiptAnswer> receipt(@PathVariable String invoiceRef) {
    InvoiceRef ref;
    try {
      ref = InvoiceRef.parse(invoiceRef);
    } catch (RuntimeException e) {
      return Mono.error(
          new ApiProblemException(
              ProblemType.NOT_FOUND, "No receipt: that is not <home peer id>:<invoice id>."));
    }
    return node.engine()
        .receipt(ref)
        .flatMap(
            view ->
                view.map(SettlementJson.ReceiptAnswer::of)
                    .map(Mono::just)
                    .orElseGet(
                        () ->
                            Mono.error(
                                new ApiProblemException(
                                    ProblemType.NOT_FOUND,
                                    "This node holds no receipt for " + ref + "."))));
  }
}
