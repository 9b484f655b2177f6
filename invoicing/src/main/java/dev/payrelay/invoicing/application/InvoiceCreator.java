package dev.payrelay.invoicing.application;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.InvoiceEventType;
import dev.payrelay.invoicing.domain.InvoiceTerms;
import dev.payrelay.invoicing.domain.PaymentMethod;
import dev.payrelay.invoicing.domain.StatusRules;
import dev.payrelay.invoicing.domain.Totals;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import dev.payrelay.invoicing.outbox.InvoiceEventPayloads.InvoiceSummary;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceWriter;
import dev.payrelay.invoicing.persistence.NewInvoice;
import dev.payrelay.invoicing.persistence.OutboxRow;
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
 * The write of a new invoice: derives its payment reference from the store's secret (a fresh one
 * for the store's first) and its deposit address from a deposit index taken for it, then writes the
 * invoice, its lines and {@code invoice.created} in one statement that also takes the store's next
 * number ({@link InvoiceWriter#create}).
 */
final class InvoiceCreator {

  /** Bytes of randomness in a pay-link token (192 bits; 32 base64url characters). */
  static final int PAY_TOKEN_BYTES = 24;

  /** Written with every new invoice's number by {@link InvoiceWriter#create}. */
  private static final long UNNUMBERED = 0;

  private static final int SECRET_BYTES = PaymentReference.MIN_SECRET_BYTES;

  private final InvoiceWriter writer;
  private final StoreRepository stores;
  private final StoreSettingsCache settings;
  private final InvoiceOutbox outbox;
  private final PayLinks payLinks;
  private final DepositAddressBook depositAddresses = new DepositAddressBook();
  private final SecureRandom random = new SecureRandom();

  InvoiceCreator(
      InvoiceWriter writer,
      StoreRepository stores,
      StoreSettingsCache settings,
      InvoiceOutbox outbox,
      PayLinks payLinks) {
    this.writer = writer;
    this.stores = stores;
    this.settings = settings;
    this.outbox = outbox;
    this.payLinks = payLinks;
  }

  /**
   * Writes the invoice {@code p} for the store whose settings were {@code store}; emits it once
   * committed, or nothing (having written nothing) if the store is gone, got its reference secret
   * from another create or changed its settings since {@code store} was read: then read the
   * settings again and retry.
   */
  Mono<InvoiceRecord> insert(
      DatabaseClient db,
      UUID storeId,
      StoreRepository.Settings store,
      ParsedInvoice p,
      boolean send,
      Instant now) {
    boolean reference = p.accepts(PaymentMethod.REFERENCE);
    byte[] secret =
        reference ? store.referenceSecret().orElseGet(() -> randomBytes(SECRET_BYTES)) : null;
    return depositAddress(db, storeId, p)
        .flatMap(
            address -> {
              UUID id = UUID.randomUUID();
              Optional<InvoiceRecord.Reference> ref =
                  reference ? Optional.of(reference(id, p, store, secret)) : Optional.empty();
              InvoiceRecord draft = record(id, storeId, UNNUMBERED, p, ref, address, now);
              Long depositIndexFloor = address.map(a -> (long) a.index() + 1).orElse(null);
              return writer
                  .create(
                      new NewInvoice(
                          draft,
                          p.totals().lines(),
                          secret,
                          depositIndexFloor,
                          events(draft, send),
                          store))
                  .doOnNext(number -> settings.written(storeId, store, secret))
                  .map(draft::withNumber);
            });
  }

  /** The invoice's deposit address, if it accepts the method: from a deposit index taken now. */
  private Mono<Optional<DepositAddress>> depositAddress(
      DatabaseClient db, UUID storeId, ParsedInvoice p) {
    if (!p.accepts(PaymentMethod.DEPOSIT_ADDRESS)) {
      return Mono.just(Optional.empty());
    }
    return stores
        .takeDepositIndex(db, storeId)
        .switchIfEmpty(Mono.error(InvoiceCreator::noXpub))
        .map(slot -> Optional.of(depositAddresses.firstUsable(slot.xpub(), slot.index())));
  }

  private InvoiceRecord.Reference reference(
      UUID id, ParsedInvoice p, StoreRepository.Settings store, byte[] secret) {
    Address recipient =
        store
            .receivingAddress()
            .orElseThrow(
                () ->
                    new InvalidInvoiceException(
                        "paymentMethods",
                        "the reference method needs the store's receiving address"));
    return new InvoiceRecord.Reference(
        PaymentReference.derive(secret, id.toString()),
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

  /**
   * The outbox rows written with the invoice: {@code invoice.created}, and with {@code send} the
   * invoice email. Their payloads' {@code invoice.number} is filled in when the invoice is written.
   */
  private List<OutboxRow> events(InvoiceRecord record, boolean send) {
    InvoiceSummary summary = InvoiceSummary.of(record);
    ObjectNode payload = outbox.payloads().invoiceEvent(InvoiceEventType.INVOICE_CREATED, summary);
    ((ObjectNode) payload.get("invoice")).put("payUrl", payLinks.url(record.payToken()).toString());
    OutboxRow created = outbox.row(summary, InvoiceEventType.INVOICE_CREATED, payload);
    if (!send || record.buyer() == null || record.buyer().email() == null) {
      return List.of(created);
    }
    return List.of(created, EmailOutbox.invoiceEmailRow(record.id(), record.buyer().email()));
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
