package dev.payrelay.invoicing.application;

import dev.payrelay.invoicing.persistence.InvoiceRecord;
import dev.payrelay.invoicing.persistence.WatchRepository;
import dev.payrelay.wallet.payment.Expectation;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * What the chain watchers must look for when the node starts: the expectations of every invoice
 * still worth watching. That is an invoice with a payment that a reorg may still change, or one
 * neither PAID nor VOID whose expiry is less than the late-payment window ago.
 */
public final class WatchedInvoices {

  private final DatabaseClient db;
  private final Clock clock;
  private final Duration latePaymentWindow;
  private final WatchRepository watch = new WatchRepository();

  public WatchedInvoices(ConnectionFactory connections, Clock clock, Duration latePaymentWindow) {
    this.db = DatabaseClient.create(connections);
    this.clock = clock;
    this.latePaymentWindow = latePaymentWindow;
  }

  /** Every open expectation; load them into the watchers' indexes before they start. */
  public Flux<Expectation> openExpectations() {
    return Flux.defer(
        () ->
            watch
                .watched(db, clock.instant().minus(latePaymentWindow))
                .concatMapIterable(InvoiceRecord::expectations));
  }
}
