package dev.payrelay.gateway.mail;

import dev.payrelay.gateway.outbox.OutboxRelays;
import dev.payrelay.invoicing.application.Invoices;
import dev.payrelay.invoicing.application.PayLinks;
import dev.payrelay.invoicing.email.EmailChannel;
import dev.payrelay.invoicing.email.InvoiceEmails;
import dev.payrelay.invoicing.outbox.OutboxChannel;
import dev.payrelay.invoicing.outbox.OutboxRelay;
import dev.payrelay.invoicing.outbox.OutboxWriter;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Invoice and receipt emails: the use case the API queues them with, and, when an SMTP host is
 * configured, the outbox channel that sends them (its relay is made and started by {@link
 * OutboxRelays}). Without a host, emails stay queued in the outbox and {@code mail} in the health
 * endpoint says it is not configured.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Bean
  InvoiceEmails invoiceEmails(
      ConnectionFactory connections, Clock clock, ObjectProvider<OutboxRelays> relays) {
    return new InvoiceEmails(
        connections,
        clock,
        () -> relays.ifAvailable(r -> r.relay(OutboxWriter.EMAIL).ifPresent(OutboxRelay::wake)));
  }

  @Bean
  @ConditionalOnExpression("!'${payrelay.mail.host:}'.isBlank()")
  OutboxChannel emailChannel(
      MailProperties mail,
      Invoices invoices,
      ConnectionFactory connections,
      PayLinks payLinks,
      Clock clock) {
    return new EmailChannel(
        invoices, connections, payLinks, mail.smtp().orElseThrow(), mail.from(), clock);
  }
}
