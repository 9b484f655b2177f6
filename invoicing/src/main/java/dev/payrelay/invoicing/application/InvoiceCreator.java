package dev.payrelay.invoicing.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.InvoiceTerms;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.StatusRules;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.StoreRepository;
import dev.payrelay.wallet.core.Address;
import dev.payrelay.wallet.hd.DepositAddress;
import dev.payrelay.wallet.method.PaymentReference;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The write of a new invoice, inside its transaction: takes the store's next number (and deposit
 * index) under the store row's lock, derives the payment reference, inserts the invoice with its
 * lines and writes {@code invoice.created}.
 */
final class InvoiceCreator {

  /** Bytes of randomness in a pay-link token (192 bits; 32 base64url characters). */
  static final int PAY_TOKEN_BYTES = 24;

  private static final int SECRET_BYTES = PaymentReference.MIN_SECRET_BYTES;

  private final InvoiceRepository invoices = new InvoiceRepository();
  private final StoreRepository stores;
  private final InvoiceOutbox outbox;
  private final PayLinks payLinks;
  private final DepositAddressBook depositAddresses = new DepositAddressBook();
  private final SecureRandom random = new SecureRandom();

  InvoiceCreator(StoreRepository stores, InvoiceOutbox outbox, PayLinks payLinks) {
    this.stores = stores;
    this.outbox = outbox;
    this.payLinks = payLinks;
  }

  Mono<InvoiceRecord> insert(DatabaseClient tx, UUID storeId, ParsedInvoice p, Instant now) {
    boolean reference = p.accepts(PaymentMethod.REFERENCE);
    boolean deposit = p.accepts(PaymentMethod.DEPOSIT_ADDRESS);
    byte[] fresh = reference ? randomBytes(SECRET_BYTES) : new byte[0];
    return stores
        .allocate(tx, storeId, reference, deposit, fresh)
        .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no store " + storeId)))
        .flatMap(
            allocation -> {
              UUID id = UUID.randomUUID();
              Optional<InvoiceRecord.Reference> ref =
                  reference ? Optional.of(reference(id, p, allocation)) : Optional.empty();
              Optional<DepositAddress> address =
                  deposit
                      ? Optional.of(
                          depositAddresses.firstUsable(
                              allocation.xpub().orElseThrow(InvoiceCreator::noXpub),
                              allocation.depositIndex().orElseThrow()))
                      : Optional.empty();
              InvoiceRecord record = record(id, storeId, allocation.number(), p, ref, address, now);
              return skipUnusable(tx, storeId, allocation, address)
                  .then(invoices.insert(tx, record, p.totals().lines()))
                  .then(created(tx, record))
                  .thenReturn(record);
            });
  }

  private InvoiceRecord.Reference reference(
      UUID id, ParsedInvoice p, StoreRepository.Allocation allocation) {
    Address recipient =
        allocation
            .receivingAddress()
            .orElseThrow(
                () ->
                    new InvalidInvoiceException(
                        "paymentMethods",
                        "the reference method needs the store's receiving address"));
    return new InvoiceRecord.Reference(
        PaymentReference.derive(allocation.referenceSecret().orElseThrow(), id.toString()),
        recipient,
        p.chain().paymentProxies().get(0));
  }

  private InvoiceRecord record(
      UUID id,
      UUID storeId,
      long number,
      ParsedInvoice p,
      Optional<InvoiceRecord.Reference> reference,
      Optional<DepositAddress> deposit,
      Instant now) {
    Totals totals = p.totals();
    Instant expiresAt = now.plusSeconds(p.expiresInSeconds());
    Evaluation evaluation =
        StatusRules.evaluate(
            new InvoiceTerms(totals.total(), expiresAt, Optional.empty()), List.of(), now);
    return new InvoiceRecord(
        id,
        storeId,
        number,
        p.currency(),
        totals.subtotal(),
        totals.discountTotal(),
        totals.taxTotal(),
        totals.total(),
        p.buyer(),
        p.memo(),
        p.orderId(),
        p.metadata(),
        p.methods(),
        Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(PAY_TOKEN_BYTES)),
        reference,
        deposit.map(d -> new InvoiceRecord.Deposit(d.address(), d.index())),
        evaluation,
        expiresAt,
        now,
        now,
        Optional.empty());
  }

  /** BIP-32 may skip an index (about never): the store's counter then moves past it. */
  private Mono<Void> skipUnusable(
      DatabaseClient tx,
      UUID storeId,
      StoreRepository.Allocation allocation,
      Optional<DepositAddress> address) {
    if (address.isPresent() && address.get().index() != allocation.depositIndex().orElseThrow()) {
      return stores.depositIndexUsed(tx, storeId, address.get().index());
    }
    return Mono.empty();
  }

  private Mono<Void> created(DatabaseClient tx, InvoiceRecord record) {
    InvoiceSummary summary = InvoiceSummary.of(record);
    ObjectNode payload = outbox.payloads().invoiceEvent(InvoiceEventType.INVOICE_CREATED, summary);
    ((ObjectNode) payload.get("invoice")).put("payUrl", payLinks.url(record.payToken()).toString());
    return outbox.write(tx, summary, InvoiceEventType.INVOICE_CREATED, payload);
  }

  private static InvalidInvoiceException noXpub() {
    return new InvalidInvoiceException(
        "paymentMethods", "the deposit_address method needs the store's extended public key");
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }
}
