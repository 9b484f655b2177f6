package dev.payrelay.gateway.watch;

import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.application.InvoiceExpiry;
import dev.payrelay.invoicing.application.WatchedInvoices;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When the node is ready: loads what the open invoices wait for into the watchers' indexes, starts
 * the watchers, and schedules the expiry job. Stops both with the node. Several nodes may share a
 * database: the expiry job locks what it expires, and the watch sink is idempotent.
 */
@Component
class WatchLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WatchLifecycle.class);

  /** How long start-up waits for the open invoices' expectations to load. */
  static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);

  private final PayRelayProperties properties;
  private final WatchedInvoices watched;
  private final ExpectationRegistry expectations;
  private final ChainWatchers watchers;
  private final InvoiceExpiry expiry;
  private volatile Disposable expiryJob;

  WatchLifecycle(
      PayRelayProperties properties,
      WatchedInvoices watched,
      ExpectationRegistry expectations,
      ChainWatchers watchers,
      InvoiceExpiry expiry) {
    this.properties = properties;
    this.watched = watched;
    this.expectations = expectations;
    this.watchers = watchers;
    this.expiry = expiry;
  }

  /** Runs on the main thread as the node becomes ready, never on an event loop. */
  @EventListener
  @Order(1)
  void ready(ApplicationReadyEvent event) {
    if (properties.watch().enabled()) {
      Long loaded =
          watched.openExpectations().doOnNext(expectations::open).count().block(LOAD_TIMEOUT);
      watchers.start();
      log.info(
          "Watching {} chain(s) for {} open payment expectation(s)",
          watchers.byChain().size(),
          loaded);
    }
    Duration every = properties.invoices().expiryCheckInterval();
    expiryJob =
        Flux.interval(every, every, Schedulers.parallel())
            .onBackpressureDrop()
            .concatMap(
                tick ->
                    expiry
                        .expireDue()
                        .doOnNext(n -> logExpired(n))
                        .onErrorResume(
                            e -> {
                              log.warn(
                                  "The invoice expiry job failed; retrying later: {}",
                                  e.toString());
                              return Mono.empty();
                            }))
            .subscribe();
  }

  private static void logExpired(int count) {
    if (count > 0) {
      log.info("Expired {} invoice(s)", count);
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    Disposable job = expiryJob;
    if (job != null) {
      job.dispose();
    }
  }
}
