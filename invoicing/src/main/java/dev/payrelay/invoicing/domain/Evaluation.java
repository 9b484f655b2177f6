package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;

/**
 * An invoice's status recomputed from its payments and the clock.
 *
 * @param amountSeen everything that counts (not removed by a reorg), confirmed or not
 * @param amountConfirmed what of it is confirmed or final
 * @param amountDue what is still missing for the total; zero when paid or overpaid
 */
public record Evaluation(
    InvoiceStatus status,
    ExceptionStatus exception,
    TokenAmount amountSeen,
    TokenAmount amountConfirmed,
    TokenAmount amountDue) {}
