package dev.payrelay.invoicing.persistence;

import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceTerms;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.PricedLine;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.core.Asset;
import dev.payrelay.wallet.core.TokenAmount;
import dev.payrelay.wallet.method.PaymentReference;
import dev.payrelay.wallet.payment.Expectation;
import dev.payrelay.wallet.payment.PaymentRoute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of {@code invoices} as domain values: everything of an invoice but its line items, with
 * the evaluation last persisted. {@link #toInvoice} builds the API's {@link Invoice} from it, so an
 * invoice answered at creation and one read back later are built by the same code.
 *
 * @param reference present when the invoice accepts the reference method
 * @param deposit present when the invoice accepts the deposit-address method
 */
public record InvoiceRecord(
    UUID id,
    UUID storeId,
    long number,
    Asset currency,
    TokenAmount subtotal,
    TokenAmount discountTotal,
    TokenAmount taxTotal,
    TokenAmount total,
    Invoice.Buyer buyer,
    String memo,
    String orderId,
    Map<String, String> metadata,
    List<PaymentMethod> methods,
    String payToken,
    Optional<Reference> reference,
    Optional<Deposit> deposit,
    Evaluation evaluation,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> voidedAt) {

  public InvoiceRecord {
    metadata = Map.copyOf(metadata);
    methods = List.copyOf(methods);
  }

  /** The reference method's route: the buyer pays {@code recipient} through {@code proxy}. */
  public record Reference(PaymentReference reference, Address recipient, Address proxy) {}

  /** The deposit-address method's route: child {@code index} of the store's xpub. */
  public record Deposit(Address address, long index) {}

  public InvoiceTerms terms() {
    return new InvoiceTerms(total, expiresAt, voidedAt);
  }

  /** The invoice with its {@code lines} and {@code evaluation} (e.g. recomputed for the clock). */
  public Invoice toInvoice(List<PricedLine> lines, Evaluation evaluation) {
    return new Invoice(
        id,
        storeId,
        number,
        currency,
        new Totals(lines, subtotal, discountTotal, taxTotal, total),
        buyer,
        memo,
        orderId,
        metadata,
        PaymentOptions.of(this),
        payToken,
        createdAt,
        expiresAt,
        voidedAt,
        evaluation,
        updatedAt);
  }

  /** What the chain watchers look for to find this invoice's payments; its key is its id. */
  public List<Expectation> expectations() {
    List<Expectation> out = new ArrayList<>(2);
    String key = id.toString();
    reference.ifPresent(
        r ->
            out.add(
                new Expectation(
                    key,
                    currency,
                    new PaymentRoute.ByReference(r.recipient(), r.reference().topicHash()))));
    deposit.ifPresent(
        d ->
            out.add(
                new Expectation(key, currency, new PaymentRoute.ToDepositAddress(d.address()))));
    return out;
  }

  /** The invoice with the per-store {@code number} it was given when written. */
  public InvoiceRecord withNumber(long number) {
    return with(number, evaluation, updatedAt, voidedAt);
  }

  public InvoiceRecord withEvaluation(Evaluation next, Instant now) {
    return with(number, next, now, voidedAt);
  }

  public InvoiceRecord voided(Instant at) {
    return with(number, evaluation, updatedAt, Optional.of(at));
  }

  private InvoiceRecord with(
      long number, Evaluation evaluation, Instant updatedAt, Optional<Instant> voidedAt) {
    return new InvoiceRecord(
        id,
        storeId,
        number,
        currency,
        subtotal,
        discountTotal,
        taxTotal,
        total,
        buyer,
        memo,
        orderId,
        metadata,
        methods,
        payToken,
        reference,
        deposit,
        evaluation,
        expiresAt,
        createdAt,
        updatedAt,
        voidedAt);
  }
}
