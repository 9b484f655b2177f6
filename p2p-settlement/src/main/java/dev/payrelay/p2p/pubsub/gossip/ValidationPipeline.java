package dev.payrelay.p2p.pubsub.gossip;

import dev.payrelay.p2p.core.PeerId;
import dev.payrelay.p2p.pubsub.MessageId;
import dev.payrelay.p2p.pubsub.MessageIdFunction;
import dev.payrelay.p2p.pubsub.PubSubMessage;
import dev.payrelay.p2p.pubsub.Topic;
import dev.payrelay.p2p.pubsub.ValidationResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a received message: topic check, duplicate check, StrictSign verification, then
 * the topic's asynchronous validator; the verdict comes back through the router's executor and
 * ACCEPT caches, delivers and forwards to the mesh, REJECT penalises (P₄) the sender and everyone
 * who relayed the same message while it was validated, IGNORE drops quietly.
 *
 * <p>A message is marked seen only once its signature checks out, so a forged copy cannot shadow
 * the genuine one; duplicates of a seen id are not verified again. Specs: <a
 * href="https://github.com/libp2p/specs/blob/master/pubsub/gossipsub/gossipsub-v1.0.md#message-processing">
 * gossipsub v1.0 "Message Processing"</a>, v1.1 "Extended Validators" and "P₄".
 */
final class ValidationPipeline {
  private static final Logger log = LoggerFactory.getLogger(ValidationPipeline.class);

  /**
   * Most messages under validation at once; beyond it new messages are dropped unseen (a later copy
   * or gossip brings them back), so a flood cannot queue unbounded validator calls.
   */
  static final int MAX_PENDING_VALIDATIONS = 1_024;

  /**
   * A validation not answered within this time counts as IGNORE, so a validator that never
   * completes cannot hold a slot (or the message's seen entry) forever; a late answer is dropped.
   */
  static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(30);

  private final int maxPending;

  /** Validations in flight, oldest first, with the time each started. */
  private final Map<SeenCache.Entry, Long> inFlight = new LinkedHashMap<>();

  private final RouterState s;
  private final GossipExchange gossip;
  private final MessageIdFunction idFunction;
  private final Executor routerExecutor;

  ValidationPipeline(
      RouterState state,
      GossipExchange gossip,
      MessageIdFunction idFunction,
      Executor routerExecutor,
      int maxPending) {
    this.maxPending = maxPending;
    this.s = state;
    this.gossip = gossip;
    this.idFunction = idFunction;
    this.routerExecutor = routerExecutor;
  }

  void onMessages(PeerId source, List<RpcMessage> messages) {
    for (RpcMessage message : messages) {
      onMessage(source, message, null, null);
    }
  }

  /** As {@link #onMessages(PeerId, List)}, with the signatures of {@code rpc} checked already. */
  void onMessages(PeerId source, VerifiedRpc rpc) {
    List<RpcMessage> messages = rpc.rpc().publish();
    for (int i = 0; i < messages.size(); i++) {
      if (!(rpc.wasSeen(i) && droppedAsSeen(source, messages.get(i), rpc.id(i)))) {
        onMessage(source, messages.get(i), rpc.verification(i), rpc.id(i));
      }
    }
  }

  /**
   * A message found in the seen cache before its signature was checked: a duplicate, if it is still
   * there (else it is verified as any other).
   */
  private boolean droppedAsSeen(PeerId source, RpcMessage message, MessageId seenId) {
    Topic topic = MeshMaintenance.topicOrNull(message.topic());
    SeenCache.Entry seen = s.seen.get(seenId);
    if (topic == null || seen == null || !s.subscriptions.containsKey(topic)) {
      return false;
    }
    gossip.delivered(seenId);
    onDuplicate(source, topic, seen);
    return true;
  }

  /**
   * {@code verified} is the message's StrictSign verdict if known, else null; {@code knownId} its
   * id if computed already ({@link VerifiedRpc#id}), else null.
   */
  private void onMessage(
      PeerId source, RpcMessage message, StrictSign.Verification verified, MessageId knownId) {
    Topic topic = MeshMaintenance.topicOrNull(message.topic());
    RouterState.Subscription subscription = topic == null ? null : s.subscriptions.get(topic);
    if (subscription == null) {
      return; // not a topic we are in: we neither deliver nor relay it
    }
    StrictSign.Verification verification = verified != null ? verified : StrictSign.verify(message);
    if (!verification.isValid()) {
      log.debug("rejecting message from {} on {}: {}", source, topic, verification.failure());
      s.scoring.invalidMessage(source, topic);
      return;
    }
    PubSubMessage pub = verification.message();
    MessageId id = knownId != null ? knownId : idFunction.apply(pub);
    gossip.delivered(id);
    SeenCache.Entry seen = s.seen.get(id);
    if (seen != null) {
      onDuplicate(source, topic, seen);
      return;
    }
    if (inFlight.size() >= maxPending) {
      log.debug("validation queue full; dropping {} from {}", id, source);
      return;
    }
    SeenCache.Entry entry = s.seen.add(id, SeenCache.Status.VALIDATING, s.now());
    if (pub.from().equals(s.self)) {
      entry.status = SeenCache.Status.IGNORED; // our own message, echoed after we forgot it
      return;
    }
    CompletionStage<ValidationResult> verdict;
    inFlight.put(entry, s.now());
    try {
      verdict = subscription.validator().validate(source, pub);
    } catch (RuntimeException e) {
      log.warn("validator of {} threw; ignoring message {}", topic, id, e);
      inFlight.remove(entry);
      entry.status = SeenCache.Status.IGNORED;
      return;
    }
    CompletableFuture<ValidationResult> answered = verdict.toCompletableFuture();
    if (answered.isDone()) {
      // A synchronous validator: finish now, so that a burst of messages in one RPC does not fill
      // the in-flight bound with validations that are already decided.
      ValidationResult outcome =
          answered.isCompletedExceptionally() ? ValidationResult.IGNORE : answered.join();
      complete(
          source,
          id,
          topic,
          message,
          pub,
          entry,
          outcome == null ? ValidationResult.IGNORE : outcome);
      return;
    }
    verdict.whenComplete(
        (result, error) -> {
          ValidationResult outcome =
              error != null || result == null ? ValidationResult.IGNORE : result;
          if (error != null) {
            log.debug("validator of {} failed for {}; ignoring it", topic, id, error);
          }
          routerExecutor.execute(() -> complete(source, id, topic, message, pub, entry, outcome));
        });
  }

  /** Heartbeat: validations older than {@link #VALIDATION_TIMEOUT} end as IGNORE. */
  void expireStale() {
    long cutoff = s.now() - VALIDATION_TIMEOUT.toMillis();
    Iterator<Map.Entry<SeenCache.Entry, Long>> it = inFlight.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<SeenCache.Entry, Long> started = it.next();
      if (started.getValue() > cutoff) {
        return;
      }
      it.remove();
      started.getKey().status = SeenCache.Status.IGNORED;
      started.getKey().relayedDuringValidation = null;
      log.debug("validation timed out after {}; message ignored", VALIDATION_TIMEOUT);
    }
  }

  private void onDuplicate(PeerId source, Topic topic, SeenCache.Entry seen) {
    switch (seen.status) {
      case VALIDATING -> seen.relayers().add(source);
      case REJECTED -> s.scoring.invalidMessage(source, topic);
      default -> {}
    }
  }

  private void complete(
      PeerId source,
      MessageId id,
      Topic topic,
      RpcMessage message,
      PubSubMessage pub,
      SeenCache.Entry entry,
      ValidationResult outcome) {
    if (inFlight.remove(entry) == null) {
      return; // timed out already
    }
    Set<PeerId> relayers =
        entry.relayedDuringValidation == null ? Set.of() : entry.relayedDuringValidation;
    entry.relayedDuringValidation = null;
    switch (outcome) {
      case ACCEPT -> {
        entry.status = SeenCache.Status.ACCEPTED;
        s.mcache.put(id, topic, message);
        RouterState.Subscription subscription = s.subscriptions.get(topic);
        if (subscription != null) {
          deliver(subscription, id, pub);
          forward(topic, message, pub.from(), source, relayers);
        }
      }
      case REJECT -> {
        entry.status = SeenCache.Status.REJECTED;
        s.scoring.invalidMessage(source, topic);
        relayers.forEach(peer -> s.scoring.invalidMessage(peer, topic));
      }
      default -> entry.status = SeenCache.Status.IGNORED;
    }
    s.outbound.flush();
  }

  private void deliver(RouterState.Subscription subscription, MessageId id, PubSubMessage pub) {
    try {
      subscription.handler().onMessage(id, pub);
    } catch (RuntimeException e) {
      log.warn("message handler of {} threw for {}", pub.topic(), id, e);
    }
  }

  private void forward(
      Topic topic, RpcMessage message, PeerId author, PeerId source, Set<PeerId> relayers) {
    for (PeerId peer : s.mesh.getOrDefault(topic, Set.of())) {
      if (!peer.equals(source) && !peer.equals(author) && !relayers.contains(peer)) {
        s.outbound.message(peer, message);
      }
    }
  }
}
