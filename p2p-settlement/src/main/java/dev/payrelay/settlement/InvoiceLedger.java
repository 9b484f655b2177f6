package dev.payrelay.settlement;

import dev.payrelay.wallet.verify.Verification;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The home node's invoices, as settlement needs them. The gateway implements it with {@code
 * invoicing}; settlement never sees more of an invoice than this.
 *
 * <p>{@link #apply} is the exactly-once guard: a transfer {@code (chain, tx, logIndex)} is applied
 * to at most one invoice, ever (the database's unique constraint), and applying it again answers
 * {@link LedgerOutcome.Duplicate}. The engine deduplicates too, but only in memory.
 */
public interface InvoiceLedger {

  /** This node's invoice with {@code invoiceId}; empty if there is none (here). */
  Mono<Optional<LedgerInvoice>> find(UUID invoiceId);

  /**
   * Applies a transfer verified on chain to the invoice, in one transaction with its outbox events
   * (webhooks, emails).
   *
   * @return {@link LedgerOutcome.Applied} the first time; {@link LedgerOutcome.Duplicate} if this
   *     transfer is already applied to this invoice; {@link LedgerOutcome.NotMatching} if it cannot
   *     be (applied to another invoice, another asset, the invoice is void…)
   */
  Mono<LedgerOutcome> apply(UUID invoiceId, Verification.Verified transfer);
}
