package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;

/**
 * A line with its amounts in exact base units: {@code total = amount - discount + tax}.
 *
 * @param amount quantity × unit price, rounded half-up to a base unit
 * @param tax (amount - discount) × rate, rounded half-up to a base unit
 */
public record PricedLine(
    LineItem item, TokenAmount amount, TokenAmount discount, TokenAmount tax, TokenAmount total) {}
