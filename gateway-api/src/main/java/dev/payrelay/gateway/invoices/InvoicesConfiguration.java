package dev.payrelay.gateway.invoices;

import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.gateway.config.PayRelayProperties;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.application.InvoiceService;
import dev.payrelay.invoicing.application.Invoices;
import dev.payrelay.invoicing.application.PayLinks;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * The invoice use cases over the node's database, clock and chains, with pay links under {@code
 * payrelay.node.public-base-url}.
 */
@Configuration(proxyBeanMethods = false)
class InvoicesConfiguration {

  /**
   * Watches nothing, for a node without chain watchers. The watchers' registry (bean {@code
   * expectationRegistry}) replaces it; as its condition may be evaluated before the watchers'
   * configuration is read, it is also a {@link Fallback} under another name, so the watchers'
   * registry wins either way.
   */
  @Bean
  @Fallback
  @ConditionalOnMissingBean
  ExpectationRegistry noChainWatchers() {
    return ExpectationRegistry.NONE;
  }

  @Bean
  PayLinks payLinks(PayRelayProperties properties) {
    return new PayLinks(properties.node().publicBaseUrl());
  }

  @Bean
  Invoices invoices(
      ConnectionFactory connections,
      Clock clock,
      Chains chains,
      ExpectationRegistry expectations,
      PayLinks payLinks) {
    return new InvoiceService(connections, clock, chains.all(), expectations, payLinks);
  }
}
