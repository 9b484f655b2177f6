package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.Asset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An itemized invoice as stored and answered: what is asked (lines, totals), of whom, how to pay
 * it, and where it stands ({@link #evaluation()}, recomputed from its payments and the clock).
 *
 * @param number the per-store sequence number; {@link #humanNumber()} formats it
 * @param payToken the unguessable token of its pay link ({@code /pay/<token>})
 */
public record Invoice(
    UUID id,
    UUID storeId,
    long number,
    Asset currency,
    Totals totals,
    Buyer buyer,
    String memo,
    String orderId,
    Map<String, String> metadata,
    List<PaymentOption> paymentOptions,
    String payToken,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> voidedAt,
    Evaluation evaluation,
    Instant updatedAt) {

  private static final String HUMAN_PREFIX = "INV-";
  private static final int HUMAN_MIN_DIGITS = 6;

  public Invoice {
    metadata = Map.copyOf(metadata);
    paymentOptions = List.copyOf(paymentOptions);
  }

  /** {@code INV-000042}: at least six digits, more when the store outgrows them (numbers ≥ 0). */
  public String humanNumber() {
    return humanNumber(number);
  }

  public static String humanNumber(long number) {
    // Not String.format: this runs several times per invoice answered, and format is slow.
    String digits = Long.toString(number);
    StringBuilder text =
        new StringBuilder(HUMAN_PREFIX.length() + Math.max(HUMAN_MIN_DIGITS, digits.length()));
    text.append(HUMAN_PREFIX);
    for (int pad = digits.length(); pad < HUMAN_MIN_DIGITS; pad++) {
      text.append('0');
    }
    return text.append(digits).toString();
  }

  public InvoiceTerms terms() {
    return new InvoiceTerms(totals.total(), expiresAt, voidedAt);
  }

  /** Who pays: both optional, the email is where the pay link goes. */
  public record Buyer(String name, String email) {}
}
