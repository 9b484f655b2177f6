package dev.payrelay.gateway.watch;

import dev.payrelay.gateway.chain.ChainClients;
import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.application.InvoiceExpiry;
import dev.payrelay.invoicing.application.WatchedInvoices;
import dev.payrelay.invoicing.chain.InvoicePaymentApplier;
import dev.payrelay.invoicing.chain.PostgresWatchSink;
import dev.payrelay.invoicing.chain.WatcherExpectations;
import dev.payrelay.wallet.chain.ChainConfig;
import dev.payrelay.wallet.core.ChainId;
import dev.payrelay.wallet.watch.ChainWatcher;
import dev.payrelay.wallet.watch.ExpectationIndex;
import dev.payrelay.wallet.watch.WatchConfig;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chain watchers: one {@link ExpectationIndex} and one {@link ChainWatcher} per served chain,
 * each writing through a {@link PostgresWatchSink} whose transactions also apply the payments to
 * invoices. New invoices announce what to look for through the {@link ExpectationRegistry}.
 */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

  @Bean
  ChainIndexes chainIndexes(Chains chains) {
    Map<ChainId, ExpectationIndex> indexes = new LinkedHashMap<>();
    for (ChainConfig chain : chains.all()) {
      indexes.put(chain.id(), new ExpectationIndex(chain.id()));
    }
    return new ChainIndexes(indexes);
  }

  @Bean
  ExpectationRegistry expectationRegistry(ChainIndexes indexes) {
    return new WatcherExpectations(indexes.byChain());
  }

  @Bean
  WatchedInvoices watchedInvoices(
      ConnectionFactory connections, Clock clock, PayRelayProperties properties) {
    return new WatchedInvoices(connections, clock, properties.invoices().latePaymentWindow());
  }

  @Bean
  InvoiceExpiry invoiceExpiry(
      ConnectionFactory connections,
      Clock clock,
      ExpectationRegistry expectations,
      PayRelayProperties properties) {
    return new InvoiceExpiry(
        connections, clock, expectations, properties.invoices().latePaymentWindow());
  }

  @Bean(destroyMethod = "stop")
  ChainWatchers chainWatchers(
      Chains chains,
      ChainClients clients,
      ChainIndexes indexes,
      ConnectionFactory connections,
      Clock clock,
      ExpectationRegistry expectations,
      PayRelayProperties properties) {
    PostgresWatchSink sink =
        new PostgresWatchSink(connections, new InvoicePaymentApplier(clock, expectations));
    Map<ChainId, ChainWatcher> watchers = new LinkedHashMap<>();
    for (ChainConfig chain : chains.all()) {
      clients
          .forChain(chain.id())
          .ifPresent(
              rpc ->
                  watchers.put(
                      chain.id(),
                      new ChainWatcher(
                          rpc,
                          indexes.byChain().get(chain.id()),
                          sink,
                          WatchConfig.of(chain)
                              .withPollInterval(properties.watch().pollInterval()))));
    }
    return new ChainWatchers(watchers);
  }

  /** The per-chain expectation indexes the watchers match against. */
  record ChainIndexes(Map<ChainId, ExpectationIndex> byChain) {
    ChainIndexes {
      byChain = Map.copyOf(byChain);
    }
  }
}
