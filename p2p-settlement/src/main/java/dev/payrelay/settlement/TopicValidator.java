package dev.payrelay.settlement;

import reactor.core.publisher.Mono;

/**
 * Validates the messages of one gossip topic, asynchronously. The network forwards a message only
 * after ACCEPT; an error ending the {@code Mono} counts as IGNORE.
 */
@FunctionalInterface
public interface TopicValidator {
  Mono<ValidationResult> validate(InboundMessage message);
}
