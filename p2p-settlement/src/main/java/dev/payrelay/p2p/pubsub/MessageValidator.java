package dev.payrelay.p2p.pubsub;

import dev.payrelay.p2p.core.PeerId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides, possibly asynchronously (e.g. after a JSON-RPC call), whether a received message is
 * delivered and forwarded. Called once per message id, only after the StrictSign signature has been
 * verified and only for a message not seen before. The router never blocks on the answer; a stage
 * that completes exceptionally counts as {@link ValidationResult#IGNORE}.
 */
@FunctionalInterface
public interface MessageValidator {
  /** A validator that accepts every correctly signed message. */
  MessageValidator ACCEPT_ALL =
      (source, message) -> CompletableFuture.completedFuture(ValidationResult.ACCEPT);

  /**
   * @param propagationSource the peer that relayed the message to us
   * @param message the message, signature already verified
   */
  CompletionStage<ValidationResult> validate(PeerId propagationSource, PubSubMessage message);
}
