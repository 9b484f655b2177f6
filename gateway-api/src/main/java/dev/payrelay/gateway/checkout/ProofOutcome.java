package dev.payrelay.gateway.checkout;

import dev.payrelay.wallet.verify.RejectionReason;
import org.springframework.http.HttpStatus;

/**
 * What became of an "I have paid" submission, with the sentence the buyer reads.
 *
 * @param reason why the chain says no, for {@link Result#REJECTED} by the verifier; else null
 */
record ProofOutcome(Result result, String message, RejectionReason reason) {

  /** The kinds of outcome, each with its HTTP status. */
  enum Result {
    /** Verified and applied: the payment counts. */
    VERIFIED(HttpStatus.OK, true),
    /** Found and applied, but not deep enough yet: the page will turn to paid by itself. */
    PENDING(HttpStatus.ACCEPTED, true),
    /** The invoice already has this transaction; nothing changed. */
    ALREADY_RECORDED(HttpStatus.OK, true),
    /** Not a transaction hash. */
    MALFORMED(HttpStatus.BAD_REQUEST, false),
    /** The chain does not show a payment of this invoice in it; nothing changed. */
    REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, false),
    /** The invoice takes no payments (void). */
    CLOSED(HttpStatus.CONFLICT, false),
    /** The node could not ask the chain; nothing changed, try again. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, false),
    /** Too many submissions from this client. */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, false);

    private final HttpStatus status;
    private final boolean accepted;

    Result(HttpStatus status, boolean accepted) {
      this.status = status;
      this.accepted = accepted;
    }

    HttpStatus status() {
      return status;
    }

    boolean accepted() {
      return accepted;
    }
  }

  static ProofOutcome of(Result result, String message) {
    return new ProofOutcome(result, message, null);
  }

  /** Lower-case outcome name for the JSON answer and the page's notice class. */
  String code() {
    return result.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
