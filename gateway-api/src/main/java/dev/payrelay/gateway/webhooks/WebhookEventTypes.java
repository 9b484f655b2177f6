package dev.payrelay.gateway.webhooks;

import dev.payrelay.invoicing.domain.InvoiceEventType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event types an endpoint can subscribe to: every invoice and payment event of {@link
 * InvoiceEventType}, and {@value #WEBHOOK_DISABLED} (another endpoint of the store was disabled
 * after failing too long). The contract's {@code WebhookEventType} lists the same names.
 */
final class WebhookEventTypes {

  static final String WEBHOOK_DISABLED = "webhook.disabled";

  static final Set<String> ALL =
      Stream.concat(
              Arrays.stream(InvoiceEventType.values()).map(InvoiceEventType::wireName),
              Stream.of(WEBHOOK_DISABLED))
          .collect(Collectors.toCollection(LinkedHashSet::new));

  static final String KNOWN = String.join(", ", ALL);

  private WebhookEventTypes() {}
}
