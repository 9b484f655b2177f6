package dev.payrelay.invoicing.domain;

import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.payment.Transfer;
import java.time.Instant;

/**
 * An on-chain transfer applied to an invoice.
 *
 * @param key the transfer's identity; applied to at most one invoice, ever
 * @param firstSeenAt when the node first saw it; kept across reorgs that re-mine it, and what
 *     decides whether it came late
 */
public record Payment(
    Transfer.Key key,
    TokenAmount amount,
    PaymentState state,
    long blockNumber,
    long confirmations,
    Instant firstSeenAt) {}
