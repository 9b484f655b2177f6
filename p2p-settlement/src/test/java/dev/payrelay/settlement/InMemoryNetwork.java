package dev.payrelay.settlement;

import dev.payrelay.p2p.core.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A full-mesh stand-in for gossipsub and the sync protocol, for engine tests: a publish is
 * validated by every other online peer subscribed to the topic, in turn, and the publish completes
 * when all of them (and what they published in reaction) are done. As in gossipsub, a REJECT counts
 * against the propagation source; explicit {@link SettlementNetwork#penalize} calls are recorded
 * too. No seen-cache: the engines must deduplicate themselves.
 */
final class InMemoryNetwork {
  /** One recorded penalty: {@code reporter} held {@code peer} guilty of {@code what}. */
  record PenaltyRecord(PeerId reporter, PeerId peer, String what) {}

  /** One validation: {@code validator} answered {@code result} to a message from {@code source}. */
  record Delivery(PeerId validator, PeerId source, String topic, ValidationResult result) {}

  private final Map<PeerId, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final Set<PeerId> offline = ConcurrentHashMap.newKeySet();
  final List<PenaltyRecord> penalties = new CopyOnWriteArrayList<>();
  final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  SettlementNetwork join(PeerId peer) {
    Endpoint endpoint = new Endpoint(peer);
    endpoints.put(peer, endpoint);
    return endpoint;
  }

  /** The peer an endpoint of {@link #join} belongs to. */
  PeerId peerOf(SettlementNetwork endpoint) {
    return ((Endpoint) endpoint).peer;
  }

  void setOnline(PeerId peer, boolean online) {
    if (online) {
      offline.remove(peer);
    } else {
      offline.add(peer);
    }
  }

  /** What a raw peer (not an engine) publishing {@code data} on {@code topic} gets back. */
  Mono<Void> inject(PeerId from, String topic, byte[] data) {
    return deliver(from, topic, data);
  }

  List<PenaltyRecord> penaltiesOf(PeerId peer) {
    return penalties.stream().filter(p -> p.peer().equals(peer)).toList();
  }

  List<Delivery> deliveriesFrom(PeerId source) {
    return deliveries.stream().filter(d -> d.source().equals(source)).toList();
  }

  private Mono<Void> deliver(PeerId from, String topic, byte[] data) {
    if (offline.contains(from)) {
      return Mono.empty();
    }
    List<Endpoint> targets = new ArrayList<>();
    for (Endpoint endpoint : endpoints.values()) {
      if (!endpoint.peer.equals(from)
          && !offline.contains(endpoint.peer)
          && endpoint.validators.containsKey(topic)) {
        targets.add(endpoint);
      }
    }
    return Flux.fromIterable(targets)
        .concatMap(
            target ->
                target
                    .validators
                    .get(topic)
                    .validate(new InboundMessage(from, from, data.clone()))
                    .onErrorReturn(ValidationResult.IGNORE)
                    .doOnNext(
                        result -> {
                          deliveries.add(new Delivery(target.peer, from, topic, result));
                          if (result == ValidationResult.REJECT) {
                            penalties.add(
                                new PenaltyRecord(target.peer, from, "REJECT on " + topic));
                          }
                        }))
        .then();
  }

  private final class Endpoint implements SettlementNetwork {
    final PeerId peer;
    final Map<String, TopicValidator> validators = new ConcurrentHashMap<>();
    volatile SyncHandler sync;

    Endpoint(PeerId peer) {
      this.peer = peer;
    }

    @Override
    public Mono<Void> publish(String topic, byte[] data) {
      return deliver(peer, topic, data);
    }

    @Override
    public void subscribe(String topic, TopicValidator validator) {
      validators.put(topic, validator);
    }

    @Override
    public void serveSync(SyncHandler handler) {
      this.sync = handler;
    }

    @Override
    public Mono<byte[]> requestSync(PeerId target, byte[] request) {
      Endpoint server = endpoints.get(target);
      if (server == null
          || server.sync == null
          || offline.contains(target)
          || offline.contains(peer)) {
        return Mono.error(new IllegalStateException(target + " is not reachable"));
      }
      return server.sync.answer(peer, request.clone());
    }

    @Override
    public void penalize(PeerId target, Penalty penalty) {
      penalties.add(new PenaltyRecord(peer, target, penalty.name()));
    }
  }
}
