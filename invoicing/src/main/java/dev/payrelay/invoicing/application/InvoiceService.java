package dev.payrelay.invoicing.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payrelay.invoicing.domain.Evaluation;
import dev.payrelay.invoicing.domain.InvalidInvoiceException;
import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.InvoiceStatus;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.domain.StatusRules;
import dev.payrelay.invoicing.outbox.InvoiceOutbox;
import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.InvoiceRepository;
import dev.payrelay.invoicing.persistence.InvoiceWriter;
import dev.payrelay.invoicing.persistence.PaymentRepository;
import dev.payrelay.invoicing.persistence.StoreRepository;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.payment.Expectation;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link Invoices} over PostgreSQL (R2DBC). Each change is one transaction that also writes its
 * outbox events (a create is one statement, see {@link InvoiceCreator}); the chain watchers learn
 * of a new invoice through the {@link ExpectationRegistry} once it is committed, before it is
 * answered. Reads re-evaluate the status against the clock.
 */
public final class InvoiceService implements Invoices {

  private static final Logger LOG = LoggerFactory.getLogger(InvoiceService.class);

  /** Attempts of one create; see {@link #create(CreateInvoice, int)}. */
  static final int MAX_CREATE_ATTEMPTS = 3;

  private final Transactions transactions;
  private final Clock clock;
  private final ExpectationRegistry expectations;
  private final InvoiceRequestParser parser;
  private final StoreSettingsCache settings;
  private final InvoiceRepository invoices = new InvoiceRepository();
  private final PaymentRepository payments = new PaymentRepository();
  private final InvoiceCreator creator;
  private final InvoiceLister lister;
  private final InvoiceVoider voider;

  /**
   * @param chains the chains this node serves: an invoice's currency is an asset of one of them
   * @param expectations where new invoices are announced to the chain watchers
   * @param payLinks the pay-link URLs written into {@code invoice.created}
   */
  public InvoiceService(
      ConnectionFactory connections,
      Clock clock,
      List<ChainConfig> chains,
      ExpectationRegistry expectations,
      PayLinks payLinks) {
    this.transactions = new Transactions(connections);
    this.clock = clock;
    this.expectations = expectations;
    this.parser = new InvoiceRequestParser(List.copyOf(chains));
    InvoiceOutbox outbox = new InvoiceOutbox(new ObjectMapper());
    StoreRepository stores = new StoreRepository();
    this.settings = new StoreSettingsCache(stores, transactions.db());
    this.creator =
        new InvoiceCreator(
            new InvoiceWriter(transactions.db()), stores, settings, outbox, payLinks);
    this.lister = new InvoiceLister(transactions.db(), invoices, payments);
    this.voider = new InvoiceVoider(transactions, invoices, payments, outbox, expectations);
  }

  @Override
  public Mono<Invoice> create(CreateInvoice request) {
    return create(request, 1);
  }

  /**
   * Attempt {@code attempt} of a create. The first uses the store's settings as last read; they are
   * checked when the invoice is written, and if they changed, nothing is written and the next
   * attempt reads them again. A store's first invoices by reference race to give it its secret; the
   * losers write nothing and start over with the winner's, so a second attempt always has the
   * secret. Another attempt also finds out when the store is gone. An invoice refused on the first
   * attempt is checked once more against settings read afresh, since the refusal may come from a
   * setting that has changed since (the receiving address or xpub it needs was set since).
   */
  private Mono<Invoice> create(CreateInvoice request, int attempt) {
    UUID storeId = request.storeId();
    Mono<Invoice> created =
        (attempt == 1 ? settings.get(storeId) : settings.fresh(storeId))
            .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no store " + storeId)))
            .flatMap(
                store -> {
                  ParsedInvoice parsed = parser.parse(request, store);
                  return creator
                      .insert(transactions.db(), storeId, store, parsed, request.send(), now())
                      .doOnNext(this::openExpectations)
                      .map(record -> record.toInvoice(parsed.totals().lines(), record.evaluation()))
                      .switchIfEmpty(Mono.defer(() -> retry(request, attempt)));
                });
    return attempt > 1
        ? created
        : created.onErrorResume(InvalidInvoiceException.class, e -> create(request, 2));
  }

  private Mono<Invoice> retry(CreateInvoice request, int attempt) {
    if (attempt >= MAX_CREATE_ATTEMPTS) {
      return Mono.error(
          new IllegalStateException(
              "store "
                  + request.storeId()
                  + " changed its settings or reference secret while an invoice was being"
                  + " created"));
    }
    return create(request, attempt + 1);
  }

  @Override
  public Mono<Invoice> get(UUID storeId, UUID invoiceId) {
    return invoices
        .find(transactions.db(), storeId, invoiceId)
        .flatMap(
            record ->
                invoices
                    .lines(transactions.db(), List.of(record))
                    .zipWith(payments.of(transactions.db(), record))
                    .map(
                        t ->
                            record.toInvoice(
                                t.getT1().getOrDefault(invoiceId, List.of()),
                                evaluate(record, t.getT2(), now()))));
  }

  @Override
  public Mono<InvoicePage> list(UUID storeId, InvoiceQuery query) {
    return Mono.defer(() -> lister.list(storeId, query, now()));
  }

  @Override
  public Mono<Invoice> voidInvoice(UUID storeId, UUID invoiceId) {
    return Mono.defer(() -> voider.voidInvoice(storeId, invoiceId, now()));
  }

  @Override
  public Mono<List<Payment>> payments(UUID storeId, UUID invoiceId) {
    return invoices
        .find(transactions.db(), storeId, invoiceId)
        .flatMap(record -> payments.of(transactions.db(), record));
  }

  static Evaluation evaluate(InvoiceRecord record, List<Payment> payments, Instant now) {
    return StatusRules.evaluate(record.terms(), payments, now);
  }

  private void openExpectations(InvoiceRecord invoice) {
    if (invoice.evaluation().status() != InvoiceStatus.OPEN) {
      return;
    }
    for (Expectation e : invoice.expectations()) {
      try {
        expectations.open(e);
      } catch (RuntimeException failure) {
        LOG.error(
            "invoice {}: the chain watcher refused {}; its payments need proofs",
            invoice.id(),
            e,
            failure);
      }
    }
  }

  /** Timestamps are kept to the microsecond, as PostgreSQL stores them. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
