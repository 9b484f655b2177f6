package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;
import java.time.Instant;
import java.util.Optional;

/** What an invoice's status depends on besides its payments and the clock. */
public record InvoiceTerms(TokenAmount total, Instant expiresAt, Optional<Instant> voidedAt) {}
