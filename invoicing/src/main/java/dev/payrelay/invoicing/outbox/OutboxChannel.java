package dev.payrelay.invoicing.outbox;

import reactor.core.publisher.Mono;

/**
 * Delivers the outbox events of one channel (a value of the {@code outbox.channel} column) to where
 * they leave the database: an HTTP endpoint, an SMTP server, the gossip network.
 *
 * <p>Delivery is at least once: an event may be handed over again after a crash or a lease that ran
 * out, so the receiving side deduplicates on {@link OutboxEvent#eventId()}.
 */
public interface OutboxChannel {

  /** The {@code outbox.channel} value this channel delivers. */
  String name();

  /**
   * Delivers one event. Completing means delivered. An error means "try again later" (the relay
   * backs off exponentially), except {@link PermanentDeliveryFailure}, which gives up at once.
   */
  Mono<Void> deliver(OutboxEvent event);
}
