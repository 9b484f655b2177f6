package dev.payrelay.gateway.checkout;

import dev.payrelay.gateway.chain.ChainClients;
import dev.payrelay.gateway.chain.Chains;
import dev.payrelay.invoicing.application.ExpectationRegistry;
import dev.payrelay.invoicing.application.Invoices;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.chain.InvoicePaymentApplier;
import dev.payrelay.wallet.verify.ProofVerifiers;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The checkout pages: lookups by pay token, views, PDFs, proofs and their headers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckoutProperties.class)
class CheckoutConfiguration {

  @Bean
  CheckoutInvoices checkoutInvoices(ConnectionFactory connections, Invoices invoices) {
    return new CheckoutInvoices(connections, invoices);
  }

  @Bean
  CheckoutViews checkoutViews(Chains chains, CheckoutProperties properties) {
    return new CheckoutViews(chains, properties);
  }

  @Bean
  CheckoutPdfs checkoutPdfs(CheckoutViews views, PayLinks payLinks) {
    return new CheckoutPdfs(views, payLinks);
  }

  @Bean
  CheckoutHeaders checkoutHeaders() {
    return new CheckoutHeaders();
  }

  @Bean
  ProofRateLimiter proofRateLimiter(Clock clock, CheckoutProperties properties) {
    return new ProofRateLimiter(clock, properties.proofAttempts(), properties.proofWindow());
  }

  /**
   * Proofs are verified with the chains' own endpoints and applied through the chain watcher's
   * {@link InvoicePaymentApplier}, so both paths settle a transfer the same way, exactly once.
   */
  @Bean
  ProofSubmission proofSubmission(
      Chains chains,
      ChainClients clients,
      ConnectionFactory connections,
      Clock clock,
      ExpectationRegistry expectations,
      CheckoutInvoices invoices) {
    return new ProofSubmission(
        new ProofVerifiers(clients.proofVerifiers(chains)),
        new InvoicePaymentApplier(clock, expectations),
        DatabaseClient.create(connections),
        TransactionalOperator.create(new R2dbcTransactionManager(connections)),
        invoices);
  }
}
