package dev.payrelay.gateway.invoices;

import dev.payrelay.invoicing.email.EmailStatus;
import java.time.Instant;

/** The contract's {@code InvoiceEmail}: one email to the buyer and where its delivery stands. */
record InvoiceEmailJson(
    String kind, String to, String status, int attempts, String lastError, Instant sentAt) {

  static InvoiceEmailJson of(EmailStatus email) {
    return new InvoiceEmailJson(
        email.kind().wireName(),
        email.to(),
        email.state().wireName(),
        email.attempts(),
        email.lastError().orElse(null),
        email.sentAt().orElse(null));
  }
}
