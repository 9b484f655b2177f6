package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;
import java.math.BigDecimal;

/**
 * One line of an invoice as the merchant asked for it: {@code quantity} × {@code unitPrice}, less a
 * {@code discount} on the whole line, plus tax at {@code taxRatePercent}. Validated by {@link
 * Pricing}; priced into a {@link PricedLine}.
 *
 * @param quantity a positive decimal, e.g. {@code 1.5} hours
 * @param unitPrice in the invoice's currency
 * @param taxRatePercent e.g. {@code 8.25} for 8.25 %
 * @param discount an amount off the whole line, in the invoice's currency
 */
public record LineItem(
    String description,
    BigDecimal quantity,
    TokenAmount unitPrice,
    BigDecimal taxRatePercent,
    TokenAmount discount) {}
