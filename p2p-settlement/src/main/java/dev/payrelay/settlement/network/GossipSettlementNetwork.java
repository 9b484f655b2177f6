package dev.payrelay.settlement.network;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageValidator;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.gossip.host.GossipNode;
import dev.payrelay.settlement.InboundMessage;
import dev.payrelay.settlement.Penalty;
import dev.payrelay.settlement.SettlementNetwork;
import dev.payrelay.settlement.SyncHandler;
import dev.payrelay.settlement.TopicValidator;
import dev.payrelay.settlement.ValidationResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The engine's {@link SettlementNetwork} on the real network: topics are gossipsub topics of a
 * {@link GossipNode} (StrictSign, message id = SHA-256 of the data), the settlement validators
 * become gossipsub's asynchronous extended validators, sync runs over {@link SyncStreams}, and a
 * {@link Penalty} becomes a gossipsub behavioural penalty (P₇) on the peer's score.
 *
 * <p>Validators run on {@code validation}, never on the router's thread: they may wait for the
 * chain, the database or a publish, and the router must keep routing meanwhile.
 */
final class GossipSettlementNetwork implements SettlementNetwork {
  /**
   * P₇ counts per penalty. With the default score parameters (P₇ weight −10, squared) one false
   * proof costs −10, as one invalid gossip message does; a malformed sync page counts double, as it
   * wasted a whole page's work.
   */
  static final double FALSE_PROOF_PENALTY = 1.0;

  static final double INVALID_SYNC_ITEM_PENALTY = 1.0;
  static final double MALFORMED_SYNC_RESPONSE_PENALTY = 2.0;

  /** How long subscribing may take: the router only has to note the topic and tell its peers. */
  static final java.time.Duration SUBSCRIBE_WAIT = java.time.Duration.ofSeconds(10);

  private final GossipNode gossip;
  private final SyncStreams sync;
  private final Scheduler validation;

  GossipSettlementNetwork(GossipNode gossip, SyncStreams sync, Scheduler validation) {
    this.gossip = gossip;
    this.sync = sync;
    this.validation = validation;
  }

  @Override
  public Mono<Void> publish(String topic, byte[] data) {
    return Mono.defer(() -> Mono.fromCompletionStage(gossip.publish(Topic.of(topic), data))).then();
  }

  @Override
  public void subscribe(String topic, TopicValidator validator) {
    MessageValidator adapted =
        (source, message) ->
            validator
                .validate(new InboundMessage(source, message.from(), message.data()))
                .subscribeOn(validation)
                .map(GossipSettlementNetwork::toGossip)
                .defaultIfEmpty(dev.payrelay.p2p.pubsub.ValidationResult.IGNORE)
                .onErrorReturn(dev.payrelay.p2p.pubsub.ValidationResult.IGNORE)
                .toFuture();
    gossip
        .subscribe(Topic.of(topic), adapted, (id, message) -> {})
        .toCompletableFuture()
        .orTimeout(SUBSCRIBE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .join();
  }

  @Override
  public void serveSync(SyncHandler handler) {
    sync.serve(handler);
  }

  @Override
  public Mono<byte[]> requestSync(PeerId peer, byte[] request) {
    return sync.request(peer, request);
  }

  @Override
  public void penalize(PeerId peer, Penalty penalty) {
    gossip.penalize(peer, weight(penalty));
  }

  static double weight(Penalty penalty) {
    switch (penalty) {
      case FALSE_PROOF_FOR_LOCAL_INVOICE:
        return FALSE_PROOF_PENALTY;
      case INVALID_SYNC_ITEM:
        return INVALID_SYNC_ITEM_PENALTY;
      case MALFORMED_SYNC_RESPONSE:
        return MALFORMED_SYNC_RESPONSE_PENALTY;
      default:
        throw new IllegalArgumentException("unknown penalty " + penalty);
    }
  }

  private static dev.payrelay.p2p.pubsub.ValidationResult toGossip(ValidationResult result) {
    switch (result) {
      case ACCEPT:
        return dev.payrelay.p2p.pubsub.ValidationResult.ACCEPT;
      case REJECT:
        return dev.payrelay.p2p.pubsub.ValidationResult.REJECT;
      default:
        return dev.payrelay.p2p.pubsub.ValidationResult.IGNORE;
    }
  }
}
